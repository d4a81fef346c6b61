// The studio's error and not-found pages: the core says what is wrong, this says it in the
// studio's own terms (a link to the page that fixes it) — as src/cli/hints.ts does for the CLI.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../errors.ts';
import { html, page, type Html } from './html.ts';

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  usage: 400,
  'customer-not-found': 404,
  'deal-not-found': 404,
  'contact-not-found': 404,
  conflict: 409,
  locked: 409,
};

/** What the studio adds to an error of the core: where to go about it. */
const HINTS: Partial<Record<ErrorCode, Html>> = {
  'customer-not-found': html`<a href="/customers">查看全部客户</a>`,
  'customer-invalid': html`<a href="/check">到数据检查页查看全部问题</a>`,
  'company-unusable': html`<a href="/check">到数据检查页查看全部问题</a>`,
  'policies-unusable': html`<a href="/check">到数据检查页查看全部问题</a>`,
  'no-data-dir': html`启动工作台时用 --data 指定数据文件夹`,
};

export const studioHint = (e: AppError): Html | string | undefined => HINTS[e.code] ?? e.hint;

export function errorPage(e: unknown): { status: ContentfulStatusCode; body: string } {
  if (e instanceof AppError) {
    const hint = studioHint(e);
    const body = html`<div class="error-box"><p class="message">${e.message}</p>${hint ? html`<p class="hint">${hint}</p>` : ''}</div>
<p><a href="/">回到工作台</a></p>`;
    return { status: STATUS[e.code] ?? 422, body: page({ title: '无法完成', body }) };
  }
  const body = html`<div class="error-box"><p class="message">工作台出了内部错误，详细信息已打印在启动工作台的终端里，请发给维护者。</p></div><p><a href="/">回到工作台</a></p>`;
  return { status: 500, body: page({ title: '内部错误', body }) };
}

export function notFoundPage(): string {
  return page({ title: '找不到这个页面', body: html`<p>地址不对，或者要找的客户、方案、文书不存在。</p><p><a href="/">回到工作台</a> · <a href="/customers">客户列表</a></p>` });
}
