// 导入/导出: upload a spreadsheet and see what importing it would do — every cell's problem by
// sheet, row, column and field — then apply that plan (refused when a customer file changed
// since); download the blank import template; export the customers, filtered as on the
// customer list, as .xlsx.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { applySpreadsheetImport, exportCustomers, importTemplate, planSpreadsheetImport, type Applied, type ImportPlan } from '../../app/spreadsheets.ts';
import { AppError, UsageError } from '../../errors.ts';
import { cellAddress, columnLetters, compareIssues, type ImportIssue } from '../../import/issues.ts';
import type { PlanEntry } from '../../import/plan.ts';
import { formatBytes } from '../../util/fs.ts';
import type { RouteModule, StudioContext } from '../context.ts';
import { CLASS_CHOICES, customerRows, filterOf, matches, STATUS_CHOICES, SYSTEM_CHOICES, VIP_CHOICES, type CustomerFilter } from '../customer-rows.ts';
import { html, page, type Html } from '../html.ts';
import { pagesStyle } from './mailing.ts';
import { disposition } from '../disposition.ts';

/** An upload and its plan, kept until applied or pushed out by newer ones. */
interface Upload {
  readonly id: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly plan: ImportPlan;
  applied?: Applied;
  /** Why applying was refused (a file changed since the plan). */
  refused?: AppError;
}

/** Uploads kept at once: each holds its file (up to the upload limit) and its plan. */
const KEEP = 5;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ACTION_WORDS = { create: '新建', update: '更新', unchanged: '不变' } as const;

function allIssues(plan: ImportPlan): ImportIssue[] {
  return [...plan.sheetIssues, ...plan.entries.flatMap((e) => e.issues)].sort(compareIssues);
}

/** Where a problem is: sheet, row, column (letter) and cell, or the YAML file and line of a value kept from it. */
function placeCells(i: ImportIssue): Html {
  const p = i.place;
  switch (p.kind) {
    case 'cell':
      return html`<td>${p.sheet}</td><td class="num">${p.row}</td><td>${columnLetters(p.col)}</td><td class="cell">${cellAddress(p.row, p.col)}</td>`;
    case 'row':
      return html`<td>${p.sheet}</td><td class="num">${p.row}</td><td></td><td></td>`;
    case 'sheet':
      return html`<td>${p.sheet}</td><td></td><td></td><td></td>`;
    case 'file':
      return html`<td colspan="4">${p.file}:${p.line}:${p.column}</td>`;
    case 'none':
      return html`<td colspan="4"></td>`;
  }
}

function issuesTable(issues: readonly ImportIssue[]): Html {
  if (issues.length === 0) return html``;
  return html`<table class="issues">
<thead><tr><th></th><th>工作表</th><th>行</th><th>列</th><th>单元格</th><th>字段</th><th>问题</th></tr></thead>
<tbody>
${issues.map(
  (i) =>
    html`<tr class="${i.severity}"><td class="${i.severity}">${i.severity === 'error' ? '错误' : '警告'}</td>${placeCells(i)}<td>${i.label}</td><td>${i.message}</td></tr>\n`,
)}
</tbody></table>`;
}

function what(e: PlanEntry): string {
  if (e.action === 'create') return `${e.contacts} 位联系人`;
  if (e.action === 'update') return e.changes.join('、');
  return '';
}

function entriesTable(entries: readonly PlanEntry[]): Html {
  if (entries.length === 0) return html``;
  return html`<table class="plan">
<thead><tr><th>操作</th><th>单位名称</th><th>文件</th><th>内容</th></tr></thead>
<tbody>
${entries.map(
  (e) =>
    html`<tr${e.errors > 0 ? html` class="error"` : ''}><td>${ACTION_WORDS[e.action]}${e.errors > 0 ? html`<span class="error">（有 ${e.errors} 个错误）</span>` : ''}</td><td>${e.name}</td><td>${e.display}</td><td>${what(e)}</td></tr>\n`,
)}
</tbody></table>`;
}

function appliedBox(a: Applied): Html {
  if (a.blocked) return html`<div class="error-box"><p class="message">有错误，没有写入任何文件。改正表格后重新上传。</p></div>`;
  const temps = a.removedTemps.length > 0 ? html`<p class="notice">删除了上次被中断的导入留下的临时文件：${a.removedTemps.join('、')}</p>` : '';
  const written =
    a.written.length === 0
      ? html`<p class="notice">没有需要写入的变化。</p>`
      : html`<p class="ok applied">已写入 ${a.written.length} 个客户文件：${a.written.map((e) => e.display).join('、')}。</p>
${a.backupDir ? html`<p class="muted">写入前的备份和撤销说明在 ${a.backupDir}</p>` : ''}
<p><a href="/check">到数据检查页检查全部数据</a> · <a href="/customers">客户列表</a></p>`;
  const skipped = a.skipped.length > 0 ? html`<p class="warning">有错误、没有导入的客户（${a.skipped.length}）：${a.skipped.map((e) => e.name).join('、')}</p>` : '';
  return html`${temps}${written}${skipped}`;
}

function planPage(u: Upload): Html {
  const { plan } = u;
  const issues = allIssues(plan);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const by = (a: PlanEntry['action']) => plan.entries.filter((e) => e.action === a).length;
  const clean = plan.entries.filter((e) => e.errors === 0 && e.action !== 'unchanged').length;
  const sheetErrors = plan.sheetIssues.some((i) => i.severity === 'error');
  const actions = u.applied
    ? appliedBox(u.applied)
    : u.refused
      ? html`<div class="error-box"><p class="message">${u.refused.message}</p><p class="hint">没有导入任何文件。数据在预览之后有了变化，请按最新的数据重新预览，确认后再导入。</p></div>
<form method="post" action="/sheets/plans/${u.id}/replan"><button type="submit" class="primary">按最新的数据重新预览</button></form>`
      : errors === 0
        ? html`<form method="post" action="/sheets/plans/${u.id}/apply"><button type="submit" class="primary">导入（新建 ${by('create')} 个，更新 ${by('update')} 个）</button></form>`
        : html`<p class="error">有 ${errors} 个错误：改正表格后重新上传；导入时有错误的客户不会写入。</p>
${clean > 0 && !sheetErrors ? html`<form method="post" action="/sheets/plans/${u.id}/apply"><input type="hidden" name="partial" value="1"><button type="submit">只导入没有错误的 ${clean} 个客户</button></form>` : ''}`;
  return html`<p>「${plan.source}」：${plan.dataRows} 行数据，${plan.entries.length} 个单位。${u.applied ? '' : html`<span class="muted">这是预览，还没有写入任何文件。</span>`}</p>
${plan.notices.map((n) => html`<p class="notice">${n}</p>`)}
<p class="summary">新建 ${by('create')} 个客户，更新 ${by('update')} 个，不变 ${by('unchanged')} 个；<span class="${errors > 0 ? 'error' : 'ok'}">${errors} 个错误</span>，${issues.length - errors} 个警告。</p>
${actions}
${issues.length > 0 ? html`<h2>问题</h2>${issuesTable(issues)}` : ''}
<h2>客户</h2>
${entriesTable(plan.entries)}
<p><a href="/sheets">重新上传</a></p>`;
}

function select(name: string, label: string, choices: readonly string[]) {
  return html`<label>${label}<select name="${name}"><option value="">全部</option>${choices.map((v) => html`<option>${v}</option>`)}</select></label>`;
}

function home(ctx: StudioContext): Html {
  const managers = [...new Set(customerRows(ctx.ws.usableData({ company: false })).map((r) => r.manager).filter(Boolean))].sort();
  return html`<h2>从表格导入客户</h2>
<p>Excel / WPS 表格（.xlsx）或 CSV（UTF-8 或 GBK），一行一位联系人，第一行是列名。先预览：列出会新建、更新的客户和每一格的问题，确认后再导入。文件不能超过 ${formatBytes(ctx.uploadLimit)}。</p>
<form class="upload" method="post" action="/sheets/plans" enctype="multipart/form-data">
<label>表格文件 <input type="file" name="file" accept=".xlsx,.csv" required></label>
<button type="submit" class="primary">上传并预览</button>
</form>
<p><a href="/sheets/template.xlsx" download>下载空白导入模板</a>（列名、填写说明和下拉选项）</p>
<h2>导出客户</h2>
<p>导出成和导入模板一样的表格，在 Excel / WPS 里修改后可以再导入。筛选条件和客户列表一样。</p>
<form class="filters" method="get" action="/sheets/export.xlsx">
${select('class', '级别', CLASS_CHOICES)}
${select('system', '所属系统', SYSTEM_CHOICES)}
${select('status', '客户状态', STATUS_CHOICES)}
${select('vip', 'VIP', VIP_CHOICES)}
${select('manager', '客户经理', managers)}
<label>单位或联系人<input type="search" name="q" placeholder="输入名称的一部分"></label>
<button type="submit">导出 .xlsx</button>
</form>`;
}

/** The name of an export: what it holds, so two exports with different filters do not look alike. */
function exportName(f: CustomerFilter, today: string): string {
  const parts = [f.cls && `${f.cls}级`, f.system, f.status, f.vip, f.manager, f.q].filter(Boolean);
  return `客户${parts.length > 0 ? `（${parts.join('、')}）` : ''}-${today}.xlsx`;
}

export const sheets: RouteModule = (ctx) => {
  const uploads = new Map<string, Upload>();
  const keep = (u: Upload) => {
    uploads.set(u.id, u);
    for (const id of [...uploads.keys()].slice(0, Math.max(0, uploads.size - KEEP))) uploads.delete(id);
  };
  const plan = (name: string, bytes: Uint8Array) => planSpreadsheetImport(ctx.ws, { name, bytes }, { cwd: ctx.ws.dataDir });

  return new Hono()
    .get('/', (c) => c.html(page({ title: '导入/导出', active: 'sheets', body: html`${pagesStyle}${home(ctx)}` })))
    .get('/template.xlsx', async (c) => c.body(new Uint8Array(await importTemplate()), 200, { 'Content-Type': XLSX, 'Content-Disposition': disposition('attachment', '客户导入模板.xlsx') }))
    .get('/export.xlsx', async (c) => {
      const f = filterOf((n) => c.req.query(n));
      const ids = new Set(customerRows(ctx.ws.usableData({ company: false })).filter((r) => matches(r, f)).map((r) => r.id));
      const out = await exportCustomers(ctx.ws, 'xlsx', { ids });
      return c.body(new Uint8Array(out.bytes), 200, { 'Content-Type': XLSX, 'Content-Disposition': disposition('attachment', exportName(f, ctx.today())) });
    })
    .post('/plans', async (c) => {
      const body = await c.req.parseBody();
      const file = body['file'];
      if (!(file instanceof File) || file.name === '') throw new UsageError('请选择要导入的表格文件（.xlsx 或 .csv）');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const u: Upload = { id: randomUUID(), name: file.name, bytes, plan: await plan(file.name, bytes) };
      keep(u);
      return c.redirect(`/sheets/plans/${u.id}`, 303);
    })
    .get('/plans/:id', (c) => {
      const u = uploads.get(c.req.param('id'));
      if (!u) return c.notFound();
      return c.html(page({ title: '导入预览', active: 'sheets', body: html`${pagesStyle}${planPage(u)}` }));
    })
    .post('/plans/:id/apply', async (c) => {
      const u = uploads.get(c.req.param('id'));
      if (!u) return c.notFound();
      const body = await c.req.parseBody();
      if (!u.applied) {
        try {
          u.applied = applySpreadsheetImport(u.plan, { forcePartial: body['partial'] === '1' });
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'conflict')) throw e;
          u.refused = e;
        }
      }
      return c.redirect(`/sheets/plans/${u.id}`, 303);
    })
    .post('/plans/:id/replan', async (c) => {
      const old = uploads.get(c.req.param('id'));
      if (!old) return c.notFound();
      const u: Upload = { id: randomUUID(), name: old.name, bytes: old.bytes, plan: await plan(old.name, old.bytes) };
      keep(u);
      return c.redirect(`/sheets/plans/${u.id}`, 303);
    });
};
