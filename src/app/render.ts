// A document model to the bytes of a PDF or .docx, with no file written; and, as a separate
// step a front end may take, the bytes written to files atomically.
import path from 'node:path';
import type { Doc } from '../document/model.ts';
import { UsageError } from '../errors.ts';
import { safeName } from '../output/write.ts';
import { renderDoc, writeDoc } from '../pipeline/document.ts';
import type { Format } from '../template/frontmatter.ts';
import type { BuiltDocument } from './documents.ts';
import type { Workspace } from './workspace.ts';

const assetsOf = (ws: Workspace) => path.join(ws.dataDir, 'assets');

/** The document as a PDF or .docx file's bytes. */
export function renderDocument(ws: Workspace, built: BuiltDocument | { readonly doc: Doc; readonly name: string }, format: Format): Promise<Uint8Array> {
  return renderDoc(built.doc, format, { assetsDir: assetsOf(ws), name: built.name });
}

/**
 * The document in each of `formats`, as bytes: the .docx in the workspace's second rendering
 * process while this one renders the PDF, when the workspace has one running.
 */
export async function renderDocuments(ws: Workspace, built: BuiltDocument, formats: readonly Format[]): Promise<Map<Format, Uint8Array>> {
  const beside =
    formats.includes('docx') && formats.length > 1 ? ws.renderer?.render({ doc: built.doc, format: 'docx', assetsDir: assetsOf(ws), name: built.name }) : undefined;
  const bytes = new Map<Format, Uint8Array>();
  for (const format of formats) if (!(format === 'docx' && beside)) bytes.set(format, await renderDocument(ws, built, format));
  if (beside) bytes.set('docx', await beside);
  return bytes;
}

/** The formats of `wanted` the document's templates can be written in; refused when none. */
export function formatsFor(built: BuiltDocument, wanted: readonly Format[]): Format[] {
  const formats = wanted.filter((f) => built.formats.includes(f));
  if (formats.length === 0) throw new UsageError(`模板只支持 ${built.formats.join('、')} 格式`);
  return formats;
}

/**
 * Writes the document as `<outDir>/<name>.<format>` for each format, each file atomically (a
 * temporary file renamed into place: never half a file, never through a planted link).
 */
export function writeDocument(ws: Workspace, built: BuiltDocument, opts: { readonly outDir: string; readonly formats: readonly Format[] }): Promise<string[]> {
  return writeDoc(built.doc, formatsFor(built, opts.formats), path.join(opts.outDir, safeName(built.name)), assetsOf(ws));
}
