// A workspace: one data folder (and an optional templates folder) opened once and kept by a
// long-lived caller — the CLI for one command, the studio for a session. It reads a data file
// again only when the file changed on disk, and loads templates again only when a template or
// partial changed; `today` is never its own, every request carries it.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DataSet } from '../data/dataset.ts';
import { refuseUnusable } from '../pipeline/usable.ts';
import { countBySeverity, type Issue } from '../data/issues.ts';
import { FileCache, loadData } from '../data/load.ts';
import { UsageError } from '../errors.ts';
import { BUILTIN_TEMPLATES, TemplateSet } from '../pipeline/templates.ts';
import { sideRenderer, type SideRenderer } from '../pipeline/writers.ts';
import { shownPath } from '../util/paths.ts';

export interface WorkspaceOptions {
  /** The data folder: company.yaml, policies.yaml, products/, customers/, deals/, assets/. */
  readonly data: string;
  /** A folder of the user's own templates, taking precedence over the built-in ones. */
  readonly templates?: string | undefined;
  /**
   * Start a second process that renders a document's .docx while this one renders its PDF
   * (renderDocuments): for a front end that stays open, such as the studio. Call close() when done.
   */
  readonly renderProcess?: boolean;
}

export interface CheckReport {
  /** How many data files were read. */
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly issues: readonly Issue[];
}

export class Workspace {
  readonly dataDir: string;
  readonly templatesDir: string | undefined;
  private readonly cache = new FileCache();
  private templateSet: { readonly stamp: string; readonly set: TemplateSet } | undefined;

  /** The second rendering process, when the workspace was opened with `renderProcess`. */
  readonly renderer: SideRenderer | undefined;

  constructor(opts: WorkspaceOptions) {
    this.dataDir = path.resolve(opts.data);
    this.templatesDir = opts.templates === undefined ? undefined : path.resolve(opts.templates);
    this.renderer = opts.renderProcess ? sideRenderer() : undefined;
  }

  /** Stops the second rendering process, if any; the workspace still works without it. */
  async close(): Promise<void> {
    await this.renderer?.close();
  }

  /** How many data files have been read from disk since the workspace was opened. */
  get fileReads(): number {
    return this.cache.reads;
  }

  /**
   * The data as it is on disk now. With `customer` (an id, or a unit name) only that customer's
   * file is read of the customer files, when a file is named after it.
   */
  data(opts: { customer?: string | undefined } = {}): DataSet {
    return loadData(this.dataDir, { customer: opts.customer, cache: this.cache });
  }

  /** The data, refused when no document can be made from it (no folder, a broken company or policies file). */
  usableData(opts: { customer?: string | undefined; company?: boolean } = {}): DataSet {
    const data = this.data(opts);
    refuseUnusable(data, { company: opts.company ?? true });
    return data;
  }

  /** Every problem of every data file, as `check` reports them. */
  check(): CheckReport {
    const data = this.data();
    return { files: data.files, ...countBySeverity(data.issues), issues: data.issues };
  }

  /**
   * Every problem `check` would report for one data file if it held `text` (a form being
   * edited, not saved yet), with the rules across files: the other files as they are on disk.
   * `file` is relative to the data folder (customers/x.yaml) or absolute; it need not exist yet.
   */
  checkText(file: string, text: string): Issue[] {
    const abs = path.resolve(this.dataDir, file);
    const rel = path.relative(this.dataDir, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel) || !/\.ya?ml$/i.test(abs)) {
      throw new UsageError(`「${file}」不是数据文件夹里的数据文件（.yaml）`);
    }
    const data = loadData(this.dataDir, { cache: this.cache, overrides: new Map([[abs, text]]) });
    const shown = shownPath(abs);
    return data.issues.filter((i) => i.file === shown);
  }

  /** The templates, loaded again when a template or partial file changed since they were. */
  templates(): TemplateSet {
    const stamp = templatesStamp([...(this.templatesDir ? [this.templatesDir] : []), BUILTIN_TEMPLATES]);
    if (this.templateSet?.stamp !== stamp) this.templateSet = { stamp, set: new TemplateSet(this.templatesDir) };
    return this.templateSet.set;
  }
}

export function openWorkspace(opts: WorkspaceOptions): Workspace {
  return new Workspace(opts);
}

/** Names, sizes and times of every template and partial file: changes when any of them does. */
function templatesStamp(folders: readonly string[]): string {
  const parts: string[] = [];
  for (const folder of folders) {
    for (const dir of [folder, path.join(folder, 'partials')]) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue; // a missing folder is TemplateSet's to report
      }
      for (const name of names.sort()) {
        try {
          const st = statSync(path.join(dir, name));
          parts.push(`${dir}/${name}:${st.size}:${st.mtimeMs}`);
        } catch {
          parts.push(`${dir}/${name}:gone`);
        }
      }
    }
  }
  return parts.join('\n');
}
