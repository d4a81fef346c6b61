// One unit of work for a writer process: a built Doc written in the given formats.
import type { Doc } from '../document/model.ts';
import type { Format } from '../template/frontmatter.ts';
import { renderDoc, writeDoc } from './document.ts';

export interface WriteTask {
  readonly doc: Doc;
  readonly formats: readonly Format[];
  /** Path without extension: `<base>.pdf`, `<base>.docx`. */
  readonly base: string;
  readonly assetsDir: string;
  /** The output folder the user gave, when base is deeper: no folder between may be a link. */
  readonly root?: string;
}

export const writeTask = (task: WriteTask): Promise<string[]> => writeDoc(task.doc, task.formats, task.base, task.assetsDir, task.root);

/** One document rendered to the bytes of one format, for a renderer process (no file written). */
export interface RenderTask {
  readonly doc: Doc;
  readonly format: Format;
  readonly assetsDir: string;
  /** The document's file name, for the error message when rendering fails. */
  readonly name: string;
}

export const renderTask = (task: RenderTask): Promise<Uint8Array> => renderDoc(task.doc, task.format, { assetsDir: task.assetsDir, name: task.name });
