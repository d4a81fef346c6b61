// HTML built from data without a chance of injection: every value put into the `html` template
// is escaped unless it is itself built by `html`; and the page layout every route shares.

/** A piece of HTML that is safe as it is: built by `html`, never from a plain string. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A value as HTML: Html as it is, lists joined, nothing for null/undefined/false, anything else escaped. */
function part(v: unknown): string {
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === undefined || v === null || v === false) return '';
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** The page areas of the navigation bar, in its order. */
export const NAV = [
  { key: 'home', href: '/', text: '工作台' },
  { key: 'customers', href: '/customers', text: '客户' },
  { key: 'mailing', href: '/mailing', text: '节日邮寄' },
  { key: 'sheets', href: '/sheets', text: '导入/导出' },
  { key: 'check', href: '/check', text: '数据检查' },
] as const;
export type NavKey = (typeof NAV)[number]['key'];

export interface PageOptions {
  readonly title: string;
  /** The navigation entry shown as the current one; none on the error pages. */
  readonly active?: NavKey | undefined;
  readonly body: Html;
  /** Extra scripts served by the studio itself, under /assets/. */
  readonly scripts?: readonly string[];
}

/** A whole page: no inline script or style (the Content-Security-Policy allows none), no outside origin. */
export function page(opts: PageOptions): string {
  const nav = NAV.map((n) => html`<a href="${n.href}"${n.key === opts.active ? html` class="active" aria-current="page"` : ''}>${n.text}</a>`);
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · 团购工作台</title>
<link rel="stylesheet" href="/assets/studio.css">
<script src="/assets/studio.js" defer></script>
${(opts.scripts ?? []).map((s) => html`<script src="/assets/${s}" defer></script>`)}
</head>
<body>
<header class="top"><span class="brand">团购工作台</span><nav>${nav}</nav></header>
<main>
<h1>${opts.title}</h1>
${opts.body}
</main>
</body>
</html>
`.text;
}
