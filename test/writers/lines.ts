// Lines as pdfmake sets them, read from its layout rather than guessed back from a PDF's text.
import { createRequire } from 'node:module';

export interface Line {
  inlines: { text: string; x: number; lineEnd?: boolean }[];
  maxWidth: number;
  getWidth(): number;
  /** The text node the line belongs to: lines of one paragraph or cell share it. */
  node: object;
}
const LayoutBuilder = (createRequire(import.meta.url)('pdfmake/js/LayoutBuilder.js') as {
  default: { prototype: { buildNextLine(node: object): Omit<Line, 'node'> | null } };
}).default;

/** Every line set while `render` runs. */
export async function linesOf(render: () => Promise<unknown>): Promise<Line[]> {
  const proto = LayoutBuilder.prototype;
  const buildNextLine = proto.buildNextLine;
  const lines: Line[] = [];
  proto.buildNextLine = function (node) {
    const line = buildNextLine.call(this, node);
    if (line && line.inlines.length > 0) lines.push(Object.assign(line, { node }));
    return line;
  };
  try {
    await render();
  } finally {
    proto.buildNextLine = buildNextLine;
  }
  return lines;
}

export const lineText = (line: Line): string => line.inlines.map((i) => i.text).join('');

/** Each two lines in a row of one paragraph or cell that the line breaking parted, not a forced break. */
export function lineEnds(lines: readonly Line[]): [before: string, after: string][] {
  const out: [string, string][] = [];
  for (let i = 1; i < lines.length; i++) {
    const [before, after] = [lines[i - 1]!, lines[i]!];
    if (after.node === before.node && !before.inlines.at(-1)?.lineEnd) out.push([lineText(before), lineText(after)]);
  }
  return out;
}
