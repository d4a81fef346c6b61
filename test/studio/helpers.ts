// The studio in-process (app.request()), with the headers a browser that opened the printed link sends.
import type { Hono } from 'hono';
import { createStudio } from '../../src/studio/server.ts';
import type { CreateOptions } from '../../src/studio/server.ts';
import { cookieName } from '../../src/studio/security.ts';
import { DATA, TODAY } from '../pipeline/build.ts';

export const PORT = 4321;
export const TOKEN = 'test-token-0123456789';
export const ORIGIN = `http://127.0.0.1:${PORT}`;

export interface Studio {
  readonly app: Hono;
  /** A GET as the logged-in browser sends it (Host and cookie). */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A form POST from a studio page (Host, cookie, Origin). */
  post(path: string, form: Record<string, string | readonly string[]> | URLSearchParams, headers?: Record<string, string>): Promise<Response>;
  /** The body of a GET that must succeed. */
  page(path: string): Promise<string>;
}

export function studio(opts: Partial<CreateOptions> = {}): Studio {
  const app = createStudio({ data: DATA, today: TODAY, ...opts, port: PORT, token: TOKEN });
  const base = { Host: `127.0.0.1:${PORT}`, Cookie: `${cookieName(PORT)}=${TOKEN}` };
  const get = (path: string, headers: Record<string, string> = {}) => Promise.resolve(app.request(path, { headers: { ...base, ...headers } }));
  const post = (path: string, form: Record<string, string | readonly string[]> | URLSearchParams, headers: Record<string, string> = {}) => {
    const body = form instanceof URLSearchParams ? form : new URLSearchParams(Object.entries(form).flatMap(([k, v]) => [v].flat().map((x) => [k, x] as [string, string])));
    return Promise.resolve(app.request(path, { method: 'POST', body, headers: { ...base, Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded', ...headers } }));
  };
  const page = async (path: string) => {
    const res = await get(path);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}\n${text}`);
    return text;
  };
  return { app, get, post, page };
}

/** The visible text of an HTML page, tags dropped and entities decoded, whitespace squeezed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * What a browser would post for a form as the page shows it: text inputs, hidden inputs, the
 * selected option of each select, textareas, checked checkboxes (repeated names as lists).
 */
export function formValues(page: string): Record<string, string | string[]> {
  const form = /<form method="post"[\s\S]*?<\/form>/.exec(page)?.[0] ?? '';
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const had = out[name];
    out[name] = had === undefined ? value : [had].flat().concat(value);
  };
  for (const m of form.matchAll(/<input ([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = unescape(/value="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const type = /type="([^"]*)"/.exec(attrs)?.[1] ?? 'text';
    if (name === undefined) continue;
    if (type === 'checkbox') {
      if (/\schecked/.test(attrs)) add(unescape(name), value);
    } else add(unescape(name), value);
  }
  for (const m of form.matchAll(/<select [^>]*name="([^"]+)">([\s\S]*?)<\/select>/g)) {
    const selected = /<option(?: value="([^"]*)")? selected>([^<]*)</.exec(m[2]!);
    out[unescape(m[1]!)] = selected ? unescape(selected[1] ?? selected[2]!) : unescape(/<option(?: value="([^"]*)")?>([^<]*)</.exec(m[2]!)?.[1] ?? '');
  }
  for (const m of form.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[unescape(m[1]!)] = unescape(m[2]!);
  return out;
}

/** The message shown at a field of a form page, '' when none. */
export function fieldError(page: string, field: string): string {
  const m = new RegExp(`data-field="${field.replace(/[[\]().]/g, '\\$&')}">[\\s\\S]*?<div class="field-error" role="alert">([^<]*)</div>`).exec(page);
  return m ? unescape(m[1]!) : '';
}
