// 工作台: the customers by class and status, what the next 30 days ask for (the library's
// agenda, overdue first), and how many data problems wait on the 数据检查 page.
import { Hono } from 'hono';
import { agenda, AGENDA_KIND_NAMES, type AgendaItem } from '../../app/agenda.ts';
import type { DataSet } from '../../data/dataset.ts';
import { compareIso, formatChineseDate, type IsoDate } from '../../domain/dates.ts';
import { FESTIVAL_YEARS, FESTIVALS, nextFestival, type MailingPlan } from '../../domain/festivals.ts';
import { planFor } from '../../views/facts.ts';
import type { RouteModule } from '../context.ts';
import { CLASS_CHOICES, customerRows, STATUS_CHOICES } from '../customer-rows.ts';
import { html, page } from '../html.ts';

/** The agenda's window on the home page: today and the next 30 days. */
export const HOME_DAYS = 30;

function when(i: AgendaItem) {
  if (i.date === undefined) return html`<span class="muted">尽快</span>`;
  return i.overdueDays > 0 ? html`<span class="overdue">${i.date}（逾期 ${i.overdueDays} 天）</span>` : i.date;
}

/** The festival whose mailing date comes next (today included), under the policies' lead days. */
function nextMailing(data: DataSet, today: IsoDate): MailingPlan | undefined {
  const plans = FESTIVALS.flatMap((f) => {
    const { year } = nextFestival(f, today);
    return [year, year + 1].filter((y) => y <= FESTIVAL_YEARS.last).map((y) => planFor(f, y, today, data.policies));
  });
  return plans.filter((p) => !p.mailingPast).sort((a, b) => compareIso(a.mailingDate, b.mailingDate))[0];
}

export const home: RouteModule = (ctx) =>
  new Hono().get('/', (c) => {
    const today = ctx.today();
    const report = ctx.ws.check();
    const data = ctx.ws.usableData({ company: false });
    const rows = customerRows(data);
    const mailing = nextMailing(data, today);
    const count = (cls: string, status?: string) => rows.filter((r) => r.cls === cls && (status === undefined || r.status === status)).length;
    const link = (cls: string, status?: string) => {
      const n = count(cls, status);
      const q = new URLSearchParams({ class: cls, ...(status && { status }) });
      return n === 0 ? html`<span class="muted">0</span>` : html`<a href="/customers?${q.toString()}">${n}</a>`;
    };
    const list = agenda(ctx.ws, { today, days: HOME_DAYS });
    const problems = report.errors + report.warnings;
    const body = html`
<div class="cards">
  <div class="card"><div class="muted">客户</div><div class="big"><a href="/customers">${rows.length}</a></div></div>
  <div class="card"><div class="muted">未来 ${HOME_DAYS} 天的事项</div><div class="big">${list.items.length}</div>
    <div class="overdue">${list.items.filter((i) => i.overdueDays > 0).length} 件已逾期</div></div>
  ${mailing ? html`<div class="card" id="next-mailing"><div class="muted">下一个节日邮寄</div><div class="big"><a href="/mailing">${mailing.year}年${mailing.festival}</a></div>
    <div>${formatChineseDate(mailing.mailingDate)}寄出${mailing.daysUntilMailing === 0 ? '（就是今天）' : `，还有 ${mailing.daysUntilMailing} 天`}；节日是${formatChineseDate(mailing.festivalDate)}</div></div>` : ''}
  <div class="card" id="problems"><div class="muted">数据问题</div><div class="big"><a href="/check">${problems}</a></div>
    <div>${report.errors > 0 ? html`<span class="error">${report.errors} 个错误</span>` : html`<span class="ok">没有错误</span>`}，${report.warnings} 个警告</div></div>
</div>
<h2>客户分级与状态</h2>
<table class="by-class">
<thead><tr><th>级别</th>${STATUS_CHOICES.map((s) => html`<th class="num">${s}</th>`)}<th class="num">合计</th></tr></thead>
<tbody>${CLASS_CHOICES.map((cls) => html`<tr><th>${cls}</th>${STATUS_CHOICES.map((s) => html`<td class="num">${link(cls, s)}</td>`)}<td class="num">${link(cls)}</td></tr>`)}</tbody>
</table>
<h2>接下来要做的事（${formatChineseDate(list.from)} 至 ${formatChineseDate(list.to)}）</h2>
${list.items.length === 0 ? html`<p class="muted">这段时间没有要做的事。</p>` : html`<table class="agenda">
<thead><tr><th>日期</th><th>事项</th><th>单位</th><th>人</th><th>客户经理</th><th>说明</th></tr></thead>
<tbody>${list.items.map(
      (i) => html`<tr class="kind-${i.kind}"><td>${when(i)}</td><td>${AGENDA_KIND_NAMES[i.kind]}</td><td>${
        i.customer ? html`<a href="/customers/${i.customer.id}">${i.customer.name}</a>` : html`<a href="/mailing">全部客户</a>`
      }</td><td>${i.person}</td><td>${i.manager ?? ''}</td><td>${i.why}</td></tr>`,
    )}</tbody></table>`}
${list.skipped.length > 0 ? html`<p class="notice">${list.skipped.length} 个客户文件有错误，没有列入：${list.skipped.join('、')}。<a href="/check">查看</a></p>` : ''}`;
    return c.html(page({ title: '工作台', active: 'home', body }));
  });
