// 数据检查: every problem of the data folder, as `check` reports them, grouped by file; each
// links to the form and field where it is fixed when the file is a customer's or a deal's.
import path from 'node:path';
import { Hono } from 'hono';
import type { DataSet } from '../../data/dataset.ts';
import { countBySeverity, type Issue } from '../../data/issues.ts';
import type { RouteModule } from '../context.ts';
import { fieldAnchor } from '../forms.ts';
import { html, page } from '../html.ts';

/** The edit form of each customer and deal file, by the file as issues name it. */
function formsByFile(data: DataSet): Map<string, string> {
  const forms = new Map<string, string>();
  for (const c of data.customers.values()) {
    const file = data.sourceOf(c)?.file;
    if (file !== undefined) forms.set(file, `/customers/${c.id}/edit`);
  }
  for (const [id, r] of data.rejectedCustomers) forms.set(r.file, `/customers/${id}/edit`);
  for (const d of data.deals.values()) {
    const file = data.sourceOf(d)?.file;
    if (file !== undefined && data.customers.has(d.customer)) forms.set(file, `/customers/${d.customer}/deals/${d.id}/edit`);
  }
  return forms;
}

function groupByFile(issues: readonly Issue[]): Map<string, Issue[]> {
  const groups = new Map<string, Issue[]>();
  for (const i of issues) groups.set(i.file, [...(groups.get(i.file) ?? []), i]);
  return groups;
}

export const check: RouteModule = (ctx) =>
  new Hono().get('/', (c) => {
    const report = ctx.ws.check();
    const forms = formsByFile(ctx.ws.data());
    const shown = (file: string) => path.relative(ctx.ws.dataDir, path.resolve(file)) || file;
    const groups = [...groupByFile(report.issues)];
    const body = html`
<p class="${report.errors > 0 ? 'error' : 'ok'}">共检查 ${report.files} 个文件：${report.errors} 个错误，${report.warnings} 个警告。${report.errors === 0 ? '数据可以使用。' : '请改正错误后再生成文书。'}</p>
${groups.map(([file, list]) => {
  const n = countBySeverity(list);
  const form = forms.get(file);
  return html`<section class="file" data-file="${shown(file)}">
<h2>${shown(file)} <span class="muted">（${n.errors} 个错误，${n.warnings} 个警告）</span>${form ? html` <a href="${form}">打开编辑</a>` : ''}</h2>
<table class="issues"><thead><tr><th>行</th><th>字段</th><th>问题</th></tr></thead><tbody>
${list.map(
  (i) => html`<tr class="${i.severity}"><td class="num">${i.line || ''}</td><td>${
    form && i.field ? html`<a href="${form}#${fieldAnchor(i.field)}">${i.label || i.field}</a>` : i.label || i.field
  }<div class="muted">${i.field}</div></td><td class="${i.severity}">${i.severity === 'error' ? '错误' : '警告'}：${i.message}</td></tr>`,
)}
</tbody></table></section>`;
})}`;
    return c.html(page({ title: '数据检查', active: 'check', body }));
  });

