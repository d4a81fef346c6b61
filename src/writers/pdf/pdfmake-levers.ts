// pdfmake measures text at a cost that grows with the page count: every Chinese character is an
// inline of its own, each inline looks up 22 style properties through the whole style stack,
// and every page break the keep-with-next rule adds lays the document out again from the top,
// measuring every text node again. The levers below hand pdfmake work already done, for
// identical bytes (the levers test renders without them in another process and compares).
// pdfmake exports no seam for either, so both are patched on its pinned classes (0.3.11, checked
// by the test). Set TUANGOU_PDF_PLAIN=1 to run pdfmake as shipped.
import { createRequire } from 'node:module';

type StyleLookup = (item: Record<string, unknown>, stack: unknown, property: string, defaultValue: unknown) => unknown;
interface StyleContextStackClass {
  getStyleProperty: StyleLookup;
}
interface TextInlinesProto {
  measure(this: unknown, array: Array<Record<string, unknown>>, stack: unknown): unknown;
}
interface MeasuredLeaf {
  text?: unknown;
  _textRef?: unknown;
  _inlines?: object[];
  _minWidth?: number;
  _maxWidth?: number;
}
interface DocMeasureProto {
  measureLeaf(this: unknown, node: MeasuredLeaf): MeasuredLeaf;
}

const require = createRequire(import.meta.url);
const { default: StyleContextStack } = require('pdfmake/js/StyleContextStack.js') as { default: StyleContextStackClass };
const { default: TextInlines } = require('pdfmake/js/TextInlines.js') as { default: { prototype: TextInlinesProto } };
const { default: DocMeasure } = require('pdfmake/js/DocMeasure.js') as { default: { prototype: DocMeasureProto } };

const isValue = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * While one run of text is measured the style stack stands still, and an inline without a
 * `style` name of its own gets every property it does not set from the stack: one lookup per
 * property serves the run's hundreds of inlines.
 */
function lookUpStylesOncePerRun(): void {
  const lookUp = StyleContextStack.getStyleProperty;
  let run: { stack: unknown; values: Map<string, unknown> } | undefined;
  StyleContextStack.getStyleProperty = (item, stack, property, defaultValue) => {
    if (run === undefined || stack !== run.stack || isValue(item[property]) || item['style'] !== undefined) return lookUp(item, stack, property, defaultValue);
    if (!run.values.has(property)) run.values.set(property, lookUp({}, stack, property, undefined));
    const value = run.values.get(property);
    return isValue(value) ? value : defaultValue;
  };
  const measure = TextInlines.prototype.measure;
  TextInlines.prototype.measure = function (array, stack) {
    const outer = run;
    run = { stack, values: new Map() };
    try {
      return measure.call(this, array, stack);
    } finally {
      run = outer;
    }
  };
}

const measured = Symbol('tuangou-measured');
type Kept = { text: unknown; inlines: object[]; minWidth: number; maxWidth: number };

/**
 * Layout cuts and places the inlines a text node is given, so pdfmake measures every node again
 * for each new layout of the same document. A node measures the same each time (same text, same
 * place in the same tree), so its first measure is kept on the node, and each layout gets fresh
 * copies. Text that follows a reference (a page number) can change between layouts: not kept.
 */
function measureTextOncePerDocument(): void {
  const measureLeaf = DocMeasure.prototype.measureLeaf;
  DocMeasure.prototype.measureLeaf = function (node) {
    const node_ = node as MeasuredLeaf & { [measured]?: Kept };
    const kept = node_[measured];
    if (kept !== undefined && kept.text === node.text && node._textRef === undefined) {
      node._inlines = kept.inlines.map((inline) => ({ ...inline }));
      node._minWidth = kept.minWidth;
      node._maxWidth = kept.maxWidth;
      return node;
    }
    measureLeaf.call(this, node);
    if (node._textRef === undefined) {
      const copy: Kept = { text: node.text, inlines: (node._inlines ?? []).map((inline) => ({ ...inline })), minWidth: node._minWidth ?? 0, maxWidth: node._maxWidth ?? 0 };
      Object.defineProperty(node, measured, { value: copy, writable: true });
    }
    return node;
  };
}

if (process.env['TUANGOU_PDF_PLAIN'] !== '1') {
  lookUpStylesOncePerRun();
  measureTextOncePerDocument();
}
