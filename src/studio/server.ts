// The studio: a local web server over the library API. Every request passes the security
// checks, then reaches the page area its path names; each area is a route module mounted below.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { AppError } from '../errors.ts';
import { assets } from './assets.ts';
import { studioContext, type RouteModule, type StoppedTask, type StudioContext, type StudioOptions } from './context.ts';
import { errorPage, notFoundPage } from './errors.ts';
import { check } from './routes/check.ts';
import { customers } from './routes/customers.ts';
import { home } from './routes/home.ts';
import { mailing } from './routes/mailing.ts';
import { sheets } from './routes/sheets.ts';
import { hostCheck, originCheck, securityHeaders, sizeLimit, tokenCheck } from './security.ts';

/** Every page area, by the path it is mounted at. */
const ROUTES: readonly (readonly [string, RouteModule])[] = [
  ['/assets', assets],
  ['/', home],
  ['/customers', customers],
  ['/mailing', mailing],
  ['/sheets', sheets],
  ['/check', check],
];

export interface CreateOptions extends StudioOptions {
  /** Where an unexpected error's stack goes (the terminal the studio was started from). */
  readonly log?: (text: string) => void;
}

/** The studio's app over an existing context (startStudio sets the port on it once listening). */
export function studioApp(ctx: StudioContext, log: (text: string) => void = () => {}): Hono {
  const app = new Hono();
  app.use(securityHeaders, hostCheck(ctx), tokenCheck(ctx), originCheck(ctx), sizeLimit(ctx));
  for (const [at, route] of ROUTES) app.route(at, route(ctx));
  app.notFound((c) => c.html(notFoundPage(), 404));
  app.onError((e, c) => {
    if (!(e instanceof AppError)) log(`工作台内部错误：${e instanceof Error ? e.stack : String(e)}\n`);
    const { status, body } = errorPage(e);
    return c.html(body, status);
  });
  return app;
}

/** The studio as a Hono app, for a server or for requests made in-process (tests: app.request()). */
export function createStudio(opts: CreateOptions): Hono {
  return studioApp(studioContext(opts), opts.log);
}

export interface StartOptions extends CreateOptions {
  /** 127.0.0.1 (default) or ::1: the studio never listens beyond this machine. */
  readonly host?: '127.0.0.1' | '::1';
}

export interface RunningStudio {
  /** The address to open, with the token: http://127.0.0.1:PORT/?token=… */
  readonly url: string;
  readonly port: number;
  readonly context: StudioContext;
  /** Stops any running task cleanly (its files and manifest kept), then stops listening. */
  close(): Promise<{ readonly stopped: readonly StoppedTask[] }>;
}

/** Listens on the loopback address (port 0: any free port) and resolves once listening. */
export function startStudio(opts: StartOptions): Promise<RunningStudio> {
  const ctx = studioContext(opts);
  const app = studioApp(ctx, opts.log);
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const failed = (e: Error) => reject(e);
    server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 0 }, (info: AddressInfo) => {
      server.off('error', failed);
      ctx.port = info.port;
      // Read and check every data file and load the templates now, while the browser opens: the
      // first page would otherwise wait for it (seconds for a thousand customers).
      setImmediate(() => {
        try {
          ctx.ws.data();
          ctx.ws.templates();
        } catch {
          // a broken folder is the pages' to report
        }
      });
      const shown = host === '::1' ? '[::1]' : host;
      resolve({
        url: `http://${shown}:${info.port}/?token=${ctx.token}`,
        port: info.port,
        context: ctx,
        close: async () => {
          const stopped = (await Promise.all(ctx.stoppers.map((stop) => stop()))).filter((t) => t !== undefined);
          await new Promise<void>((done) => server.close(() => done()));
          return { stopped };
        },
      });
    });
    server.once('error', failed);
  });
}
