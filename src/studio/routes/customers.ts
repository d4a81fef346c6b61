// 客户: the list (filters in the query string, so it works without script) and, under
// /customers/:id, a customer's page, its documents and its edit forms.
import { Hono } from 'hono';
import type { RouteModule } from '../context.ts';
import { CLASS_CHOICES, customerRows, filterOf, matches, STATUS_CHOICES, SYSTEM_CHOICES, VIP_CHOICES, type CustomerFilter } from '../customer-rows.ts';
import { html, page } from '../html.ts';
import { customerPage } from './customer-page.ts';
import { documents } from './documents.ts';
import { edit } from './edit.ts';
import { visits } from './visits.ts';

function select(name: string, label: string, choices: readonly string[], chosen: string | undefined) {
  return html`<label>${label}<select name="${name}"><option value="">全部</option>${choices.map(
    (v) => html`<option${v === chosen ? html` selected` : ''}>${v}</option>`,
  )}</select></label>`;
}

function filters(f: CustomerFilter, managers: readonly string[]) {
  return html`<form class="filters" method="get" action="/customers">
${select('class', '级别', CLASS_CHOICES, f.cls)}
${select('system', '所属系统', SYSTEM_CHOICES, f.system)}
${select('status', '客户状态', STATUS_CHOICES, f.status)}
${select('vip', 'VIP', VIP_CHOICES, f.vip)}
${select('manager', '客户经理', managers, f.manager)}
<label>单位或联系人<input type="search" name="q" value="${f.q ?? ''}" placeholder="输入名称的一部分"></label>
<button type="submit">筛选</button> <a class="button secondary" href="/customers">清除</a>
</form>`;
}

export const customers: RouteModule = (ctx) =>
  new Hono()
    .get('/', (c) => {
      const all = customerRows(ctx.ws.usableData({ company: false }));
      const f = filterOf((n) => c.req.query(n));
      const rows = all.filter((r) => matches(r, f));
      const managers = [...new Set(all.map((r) => r.manager).filter(Boolean))].sort();
      const body = html`${filters(f, managers)}
<p class="count">共 ${all.length} 个客户，列出 <strong>${rows.length}</strong> 个。</p>
<table class="customers">
<thead><tr><th>级别</th><th>单位名称</th><th>所属系统</th><th>状态</th><th>VIP</th><th>客户经理</th><th>上次拜访</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr data-id="${r.id}"><td>${r.cls}</td><td><a href="/customers/${r.id}">${r.name}</a></td><td>${r.system}</td><td>${r.status}</td><td title="${r.vipPeople}">${r.vip}</td><td>${r.manager}</td><td>${r.lastVisit ?? html`<span class="muted">没有记录</span>`}</td></tr>\n`,
)}
</tbody></table>`;
      return c.html(page({ title: '客户', active: 'customers', body }));
    })
    .route('/', documents(ctx))
    .route('/', edit(ctx))
    .route('/', visits(ctx))
    .route('/', customerPage(ctx));
