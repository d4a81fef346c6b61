// The studio holds the team's confidential archive: every request passes these checks before
// any route sees it. Host (DNS rebinding), the printed link's token exchanged for a cookie,
// Origin on anything that changes something (cross-site forms), a body size limit, and headers
// that keep the pages from loading anything from outside or being framed by another site.
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import type { StudioContext } from './context.ts';
import { html, page } from './html.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The Host headers the studio answers to: its own loopback address and port, nothing else. */
export const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];

/** A cookie per port, so two studios on one machine (two data folders) do not share a session. */
export const cookieName = (port: number): string => `tuangou_studio_${port}`;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // No outside origin; no inline script or style; PDFs previewed in a frame of the studio's own.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  // Nothing to other origins; same-origin, not no-referrer: under no-referrer a browser sends
  // `Origin: null` with its own forms' and fetches' POSTs, and originCheck refuses them all.
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'SAMEORIGIN',
  'Cache-Control': 'no-store',
};

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refusal(c: Context, status: 401 | 403, title: string, text: string) {
  return c.html(page({ title, body: html`<p class="refused">${text}</p>` }), status);
}

/** Every response carries the security headers, refusals and errors included. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
};

/** A page reached under another host name (a DNS rebinding attack) is refused. */
export const hostCheck =
  (ctx: StudioContext): MiddlewareHandler =>
  async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (!allowedHosts(ctx.port).includes(host.toLowerCase())) {
      return refusal(c, 403, '拒绝访问', `工作台只接受 127.0.0.1:${ctx.port} 或 localhost:${ctx.port} 上的访问。`);
    }
    await next();
  };

/**
 * The printed link carries the token; the first visit trades it for an HttpOnly, SameSite=Strict
 * cookie and is sent on to the same address without it (so it stays out of the history and of
 * any copied link). Without the cookie, only a page saying to open the printed link. The style
 * sheet and script are the same for everyone and hold nothing of the data.
 */
export const tokenCheck =
  (ctx: StudioContext): MiddlewareHandler =>
  async (c, next) => {
    const url = new URL(c.req.url);
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!sameSecret(given, ctx.token)) return refusal(c, 401, '链接已失效', '这个链接的口令不对。请打开启动工作台时终端里最后一行打印的链接。');
      setCookie(c, cookieName(ctx.port), ctx.token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    if (c.req.method === 'GET' && url.pathname.startsWith('/assets/')) return next();
    if (!sameSecret(getCookie(c, cookieName(ctx.port)), ctx.token)) {
      return refusal(c, 401, '请从启动时打印的链接打开', '工作台只对启动它的人开放：请打开启动工作台时终端里最后一行打印的链接（带 ?token=…）。');
    }
    await next();
  };

/** A request that changes anything must come from a page of the studio itself. */
export const originCheck =
  (ctx: StudioContext): MiddlewareHandler =>
  async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin === undefined || !allowedHosts(ctx.port).some((h) => origin.toLowerCase() === `http://${h}`)) {
      return refusal(c, 403, '拒绝操作', '这个修改请求不是从工作台自己的页面发出的，已拒绝。');
    }
    await next();
  };

/** Bodies (forms, uploads) above the studio's limit are refused before they are read. */
export const sizeLimit = (ctx: StudioContext): MiddlewareHandler =>
  bodyLimit({
    maxSize: ctx.uploadLimit,
    onError: (c) =>
      c.html(page({ title: '文件太大', body: html`<p class="refused">上传的内容超过 ${Math.round(ctx.uploadLimit / 1024 / 1024)} MB，工作台不接收。</p>` }), 413),
  });
