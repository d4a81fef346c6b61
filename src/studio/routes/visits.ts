// 记一次拜访: a new visit record through the library's logVisit (checkVisit as the user types):
// appended to the customer's file, comments kept, a backup first.
import { Hono, type Context } from 'hono';
import { checkVisit, logVisit, type VisitRequest } from '../../app/visits.ts';
import { labelAt } from '../../data/labels.ts';
import { customerSchema, VISIT_MODES, type Customer } from '../../data/schema.ts';
import { AppError } from '../../errors.ts';
import type { RouteModule, StudioContext } from '../context.ts';
import { fieldAnchor, fieldIssues, type FieldIssue, type PostedForm } from '../forms.ts';
import { html, page, type Html } from '../html.ts';
import { internalTag } from '../internal.ts';
import { customerById } from '../lookup.ts';

const FIELDS = ['date', 'mode', 'by', 'met', 'outcome', 'nextStep', 'nextDate'] as const;
type VisitField = (typeof FIELDS)[number];
type Values = Record<VisitField, string> & { readonly metList: readonly string[] };

const text = (v: PostedForm[string] | undefined): string => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '');
const metOf = (v: PostedForm[string] | undefined): string[] => [v ?? []].flat().filter((x): x is string => typeof x === 'string' && x.trim() !== '');

function valuesOf(body: PostedForm): Values {
  const metList = metOf(body['met']);
  return { ...(Object.fromEntries(FIELDS.map((f) => [f, text(body[f])])) as Record<VisitField, string>), met: metList.join('、'), metList };
}

function requestOf(ctx: StudioContext, customer: Customer, v: Values): VisitRequest {
  const optional = (s: string) => (s === '' ? undefined : s);
  return { customer: customer.id, today: ctx.today(), date: v.date, mode: v.mode, by: v.by, met: v.metList, outcome: v.outcome, nextStep: optional(v.nextStep), nextDate: optional(v.nextDate) };
}

/** visits[3].nextDate → nextDate: the form has one visit. */
const visitIssues = (issues: Parameters<typeof fieldIssues>[0]): FieldIssue[] => fieldIssues(issues).map((i) => ({ ...i, field: i.field.replace(/^visits\[\d+\]\./, '') }));

function form(k: Customer, v: Values, issues: readonly FieldIssue[], banner: Html | '' = ''): string {
  const label = (f: VisitField) => labelAt(customerSchema, ['visits', 0, f]);
  const at = (f: VisitField) => issues.filter((i) => i.field === f && i.severity === 'error').map((i) => i.message).join('；');
  const row = (f: VisitField, control: Html) =>
    html`<div class="field${at(f) ? ' has-error' : ''}" id="${fieldAnchor(f)}" data-field="${f}"><label for="in-${f}">${label(f)}</label>${control}<div class="field-error" role="alert">${at(f)}</div></div>`;
  const people = [...k.contacts.map((p) => p.name), ...(k.intermediary ? [k.intermediary.name] : [])];
  const input = (f: VisitField, extra: Html | '' = '') => html`<input type="text" id="in-${f}" name="${f}" value="${v[f]}"${extra}>`;
  const errors = issues.filter((i) => i.severity === 'error');
  const body = html`<p><a href="/customers/${k.id}">← 返回 ${k.name}</a></p>${banner}
<p class="muted internal">拜访记录${internalTag} 只在内部文书（拜访准备单、信息卡）里出现。</p>
<form method="post" action="/customers/${k.id}/visits" data-check="/customers/${k.id}/visits/check" class="record-form" novalidate>
<div class="form-errors error" role="alert">${errors.filter((i) => !(FIELDS as readonly string[]).includes(i.field)).map((i) => html`<div>${i.label}：${i.message}</div>`)}</div>
${row('date', input('date', html` placeholder="YYYY-MM-DD"`))}
${row('mode', html`<select id="in-mode" name="mode">${VISIT_MODES.map((m) => html`<option${m === v.mode ? html` selected` : ''}>${m}</option>`)}</select>`)}
${row('by', input('by'))}
${row('met', html`<div id="in-met">${people.map((p) => html`<label class="check"><input type="checkbox" name="met" value="${p}"${v.metList.includes(p) ? html` checked` : ''}> ${p}</label> `)}</div>`)}
${row('outcome', html`<textarea id="in-outcome" name="outcome" rows="3">${v.outcome}</textarea>`)}
${row('nextStep', html`<textarea id="in-nextStep" name="nextStep" rows="2">${v.nextStep}</textarea>`)}
${row('nextDate', input('nextDate', html` placeholder="YYYY-MM-DD"`))}
<div class="actions"><button type="submit" class="save"${errors.length > 0 ? html` disabled` : ''}>记下这次拜访</button> <a class="button secondary" href="/customers/${k.id}">取消</a></div>
</form>`;
  return page({ title: `记一次拜访：${k.name}`, active: 'customers', body });
}

async function posted(c: Context, ctx: StudioContext) {
  const { customer } = customerById(ctx, c.req.param('id')!);
  const values = valuesOf((await c.req.parseBody({ all: true })) as PostedForm);
  return { customer, values, request: requestOf(ctx, customer, values) };
}

export const visits: RouteModule = (ctx) =>
  new Hono()
    .get('/:id/visits/new', (c) => {
      const { customer: k } = customerById(ctx, c.req.param('id'));
      const blank: Values = { date: ctx.today(), mode: VISIT_MODES[0], by: k.accountManager ?? '', met: '', outcome: '', nextStep: '', nextDate: '', metList: [] };
      return c.html(form(k, blank, []));
    })
    .post('/:id/visits/check', async (c) => {
      const { request } = await posted(c, ctx);
      return c.json({ issues: visitIssues(checkVisit(ctx.ws, request)) });
    })
    .post('/:id/visits', async (c) => {
      const { customer, values, request } = await posted(c, ctx);
      try {
        logVisit(ctx.ws, request);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const banner = html`<div class="error-box" role="alert"><p class="message">${e.issues.length > 0 ? '有错误，没有记下。请看标红的项。' : e.message}</p>${
          e.code === 'conflict' ? html`<p>客户文件刚被改过：请再点一次“记下这次拜访”。</p>` : ''
        }</div>`;
        return c.html(form(customer, values, visitIssues(e.issues), banner), e.code === 'conflict' ? 409 : 422);
      }
      return c.redirect(`/customers/${customer.id}?saved=1`, 303);
    });
