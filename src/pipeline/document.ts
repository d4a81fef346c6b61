// One document from templates and views: render each part, parse its markup into a section,
// check every character, then write the requested formats atomically.
import path from 'node:path';
import type { DataSet } from '../data/dataset.ts';
import type { Doc, Section } from '../document/model.ts';
import { DataError } from '../errors.ts';
import type { Format } from '../template/frontmatter.ts';
import type { Template } from '../template/load.ts';
import { writeAtomic } from '../output/write.ts';
import { assertDrawable, type Traced } from './glyphs.ts';
import { buildSection } from './section.ts';
import type { TemplateSet } from './templates.ts';

export interface Part {
  readonly template: Template;
  readonly view: unknown;
}

export interface DocRequest {
  readonly parts: readonly Part[];
  readonly title: string;
  readonly data: DataSet;
  /** Records the views were built from, to trace a bad character to its data field. */
  readonly traced: readonly Traced[];
  /** ISO date of the document, used as its creation time. */
  readonly today: string;
}

export function buildDoc(set: TemplateSet, req: DocRequest): Doc {
  const sections: Section[] = req.parts.map((p) => buildSection(set.renderer, p.template, p.view));
  const doc: Doc = {
    meta: { title: req.title, author: req.data.company?.name ?? '', created: `${req.today}T00:00:00Z` },
    sections,
  };
  assertDrawable(doc, req.data, req.traced, req.parts.map((p) => p.template.file));
  return doc;
}

// The writers are loaded only when a document is made, and then once: every import() goes
// through the module loader's hooks (tsx), a round trip to the loader thread per document.
type Writer = (doc: Doc, opts: { assetsDir: string }) => Promise<Uint8Array>;
/** The writer of every format. */
const WRITERS: Readonly<Record<Format, () => Promise<Writer>>> = {
  pdf: () => import('../writers/pdf/index.ts').then((m) => m.writePdf),
  docx: () => import('../writers/docx/index.ts').then((m) => m.writeDocx),
};
const loaded = new Map<Format, Promise<Writer>>();
function writerFor(format: Format): Promise<Writer> {
  let writer = loaded.get(format);
  if (!writer) {
    writer = WRITERS[format]();
    loaded.set(format, writer);
  }
  return writer;
}

/** The document as the bytes of one format's file; nothing is written. */
// One PDF at a time in a process: two layouts interleaved at their awaits share pdfkit's
// per-process font state, and a document's bytes came out different now and then (a studio
// serving two previews at once would do the same).
let pdfTurn: Promise<unknown> = Promise.resolve();
export function inTurn<T>(format: Format, render: () => Promise<T>): Promise<T> {
  if (format !== 'pdf') return render();
  const mine = pdfTurn.then(render, render);
  pdfTurn = mine.catch(() => undefined);
  return mine;
}

export async function renderDoc(doc: Doc, format: Format, opts: { assetsDir: string; name: string }): Promise<Uint8Array> {
  try {
    const write = await writerFor(format);
    return await inTurn(format, () => write(doc, { assetsDir: opts.assetsDir }));
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`生成 ${opts.name}.${format} 失败：${(e as Error).message}`, { cause: e });
  }
}

/** Writes `<base>.pdf` / `<base>.docx`; `root`: the output folder the user gave, when base is deeper (see WriteOptions). */
export async function writeDoc(doc: Doc, formats: readonly Format[], base: string, assetsDir: string, root?: string): Promise<string[]> {
  const files: string[] = [];
  for (const format of formats) {
    const bytes = await renderDoc(doc, format, { assetsDir, name: path.basename(base) });
    const file = `${base}.${format}`;
    writeAtomic(file, bytes, { durable: false, ...(root !== undefined && { root }) });
    files.push(file);
  }
  return files;
}
