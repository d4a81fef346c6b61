// What every route module of the studio is given, and the shape of a route module: one page
// area, a function of the context returning a Hono sub-app, mounted in server.ts's list.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Hono } from 'hono';
import { openWorkspace, type Workspace } from '../app/workspace.ts';
import { localIsoDate, type IsoDate } from '../domain/dates.ts';

export interface StudioOptions {
  /** The data folder the studio reads and edits. */
  readonly data: string;
  /** The user's own templates folder, if any. */
  readonly templates?: string | undefined;
  /** Where runs that write files (a festival mailing) put them; `<data>/../out` when absent. */
  readonly out?: string | undefined;
  /** The port the Host and Origin headers must name; set by startStudio once listening. */
  readonly port?: number;
  /** The secret of the printed link; a random one when absent (tests pass their own). */
  readonly token?: string;
  /** The day pages and documents are made on; the machine's local date when absent. */
  readonly today?: IsoDate | undefined;
  /** The largest request body (an uploaded spreadsheet) accepted, in bytes. */
  readonly uploadLimit?: number;
}

export interface StudioContext {
  readonly ws: Workspace;
  readonly outDir: string;
  readonly token: string;
  /** The largest request body accepted, in bytes (uploads included). */
  readonly uploadLimit: number;
  /** Today, asked again on every request: a studio left running overnight moves on to the next day. */
  today(): IsoDate;
  /** The port the studio listens on: the only one its Host and Origin headers may name. */
  port: number;
  /**
   * What a route runs beyond a request (a mailing): closing the studio calls each, which stops
   * its task at the next safe point and says what it stopped once the task has ended.
   */
  readonly stoppers: (() => Promise<StoppedTask | undefined>)[];
}

/** A task the studio's closing stopped: a festival mailing, with how far it got. */
export interface StoppedTask {
  readonly kind: 'mailing';
  /** Its folder, where the letters written so far and the manifest stay; none when it stopped before writing anything. */
  readonly folder: string | undefined;
  readonly done: number;
  readonly total: number | undefined;
}

/** A page area: `/customers`, `/check` … as a sub-app of the studio. */
export type RouteModule = (ctx: StudioContext) => Hono;

/** 10 MB: a spreadsheet of several thousand customers, far below what would strain the studio. */
export const DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024;

export function studioContext(opts: StudioOptions): StudioContext {
  const ws = openWorkspace({ data: opts.data, templates: opts.templates });
  const fixed = opts.today;
  return {
    ws,
    outDir: path.resolve(opts.out ?? path.join(ws.dataDir, '..', 'out')),
    token: opts.token ?? randomBytes(24).toString('base64url'),
    uploadLimit: opts.uploadLimit ?? DEFAULT_UPLOAD_LIMIT,
    today: fixed === undefined ? () => localIsoDate(new Date()) : () => fixed,
    port: opts.port ?? 0,
    stoppers: [],
  };
}
