// Any document from a request — kind, customer, deal, contacts, dates — to a document model
// plus the notices a front end should show. Nothing is rendered to bytes or written here.
import { dealFileErrors, type DataSet } from '../data/dataset.ts';
import { formatIssue } from '../data/issues.ts';
import type { Customer, Deal, Product } from '../data/schema.ts';
import { compareIso, DATE_RANGE, formatChineseDate, inDateRange, isIsoDate, type IsoDate } from '../domain/dates.ts';
import { FESTIVALS, type Festival } from '../domain/festivals.ts';
import type { Doc } from '../document/model.ts';
import { DataError, UsageError } from '../errors.ts';
import { letterParts } from '../letters/run.ts';
import { buildDoc, type Part } from '../pipeline/document.ts';
import { tracedRecords } from '../pipeline/glyphs.ts';
import { packParts } from '../pipeline/pack.ts';
import type { TemplateSet } from '../pipeline/templates.ts';
import { FORMATS, type Format } from '../template/frontmatter.ts';
import { closest } from '../util/suggest.ts';
import { buildView, openDeals, type ViewInput } from '../views/build.ts';
import { envelopeView, labelsView } from '../views/envelope.ts';
import type { AllocationView } from '../views/schemas.ts';
import type { Workspace } from './workspace.ts';
import { customerNamed } from './find.ts';
import { managerNamed, reportRange, weeklyReportName, weeklyReportOf, type WeeklyReportRequest } from './reports.ts';
import { customerFigures } from '../views/report-figures.ts';
import { customerReportView, weeklyReportView } from '../views/reports.ts';
import { companySchema, customerSchema, dealSchema, productSchema } from '../data/schema.ts';

export { customerNamed };

/** Every kind of document the tool makes. */
export const DOCUMENT_KINDS = ['proposal', 'quote', 'visit', 'card', 'allocation', 'product', 'pack', 'letter', 'envelope', 'labels', 'weekly-report', 'customer-report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** The kinds made for one customer: all but the weekly report. */
export type CustomerDocumentKind = Exclude<DocumentKind, 'weekly-report'>;

interface RequestBase {
  /** The customer: its id, or its exact unit name. */
  readonly customer: string;
  /** The day the document is made on: its date, the deals still valid, the birthdays ahead. */
  readonly today: IsoDate;
  /** A deal id; else the customer's open deal, when the document has use for one. */
  readonly deal?: string | undefined;
  /** The visit date of a visit sheet or pack (today when absent). */
  readonly date?: IsoDate | undefined;
  /** Contacts by name: the cards to make, or the addressee of a letter's envelope. */
  readonly contacts?: readonly string[] | undefined;
  /** The product of a product sheet, by id (the first recommended product when absent). */
  readonly product?: string | undefined;
  /** The festival of a letter. */
  readonly festival?: { readonly name: Festival; readonly year: number } | undefined;
  /** More customers on a label sheet, after `customer`. */
  readonly more?: readonly string[] | undefined;
}

/** A document of a kind the tool knows, with its built-in template (or the user's of the same name). */
export interface KindRequest extends RequestBase {
  readonly kind: CustomerDocumentKind;
}

/** The weekly sales report: about a week (or a range) and the account managers, no one customer. */
export interface WeeklyReportDocumentRequest extends WeeklyReportRequest {
  readonly kind: 'weekly-report';
}

/** A document from any template, by name or path; its view is the one its front matter names. */
export interface TemplateRequest extends RequestBase {
  readonly template: string;
}

export type DocumentRequest = KindRequest | TemplateRequest | WeeklyReportDocumentRequest;

/** Something the reader of a document should know; `code` lets a front end add its own advice. */
export interface Notice {
  readonly code: 'deal-expired' | 'other-open-deals' | 'errors-elsewhere' | 'compliance' | 'margin';
  readonly message: string;
}

export interface BuiltDocument {
  readonly doc: Doc;
  /** The template's name: proposal, visit … or a user template's. */
  readonly template: string;
  /** A file name without extension, unique per customer and template: `<customer id>-<template>`. */
  readonly name: string;
  /** The formats the document's templates can be written in. */
  readonly formats: readonly Format[];
  /** Undefined for the weekly report, which is about no one customer. */
  readonly customer: Customer | undefined;
  readonly deal: Deal | undefined;
  readonly notices: readonly Notice[];
  /** The view each part's template received, in order: what the document says, as data. */
  readonly views: readonly unknown[];
  /** For an allocation: how many compliance rules the deal breaks, and whether its margin is below policy. */
  readonly compliance?: { readonly violations: number; readonly marginBelowPolicy: boolean };
}

/** What building a document of one kind needs. */
interface Ctx {
  readonly data: DataSet;
  readonly templates: TemplateSet;
  readonly customer: Customer;
  readonly req: RequestBase;
  /** The deal asked for, or the customer's open one on the visit date or today. */
  readonly deal: () => Deal | undefined;
}
/** The parts of a document, the deal they show, and its title (the first part's template title when absent). */
interface Made {
  readonly parts: readonly Part[];
  readonly deal?: Deal | undefined;
  readonly title?: string;
}

const viewInput = (ctx: Ctx, deal: Deal | undefined): ViewInput => ({
  data: ctx.data,
  customer: ctx.customer,
  ...(deal && { deal }),
  today: ctx.req.today,
  ...(ctx.req.date && { visitDate: ctx.req.date }),
  ...(ctx.req.contacts && { contacts: ctx.req.contacts }),
});

/** One template, given the view its front matter names. */
function single(ctx: Ctx, name: string, opts: { deal?: boolean; extra?: Partial<ViewInput> } = {}): Made {
  const template = ctx.templates.get(name);
  const deal = opts.deal === false ? undefined : ctx.deal();
  return { parts: [{ template, view: buildView(template.front.view, { ...viewInput(ctx, deal), ...opts.extra }) }], deal };
}

const KINDS = {
  proposal: (ctx) => single(ctx, 'proposal'),
  // The proposal's last two pages alone (报价单 and 订购确认单), for a unit that compares prices.
  quote: (ctx) => single(ctx, 'quote'),
  visit: (ctx) => single(ctx, 'visit'),
  card: (ctx) => single(ctx, 'card', { deal: false }),
  allocation: (ctx) => single(ctx, 'allocation'),
  product: (ctx) => single(ctx, 'product', { ...(ctx.req.product && { extra: { product: productNamed(ctx.data, ctx.req.product) } }) }),
  pack: (ctx) => {
    const deal = ctx.deal();
    return { parts: packParts(ctx.templates, { ...viewInput(ctx, deal), visitDate: ctx.req.date ?? ctx.req.today }), deal, title: `拜访资料包—${ctx.customer.name}` };
  },
  letter: (ctx) => letterParts({ ...ctx, today: ctx.req.today, ...festivalOf(ctx.req) }, ctx.customer),
  envelope: (ctx) => ({
    parts: [{ template: ctx.templates.get('envelope'), view: envelopeView(ctx.data, ctx.customer, ctx.req.contacts?.[0]) }],
    title: `信封—${ctx.customer.name}`,
  }),
  labels: (ctx) => {
    const customers = [ctx.customer, ...(ctx.req.more ?? []).map((c) => customerNamed(ctx.data, c))];
    return {
      parts: [{ template: ctx.templates.get('labels'), view: labelsView(customers.map((c) => envelopeView(ctx.data, c))) }],
      title: `地址标签—${ctx.customer.name}${customers.length > 1 ? `等 ${customers.length} 个单位` : ''}`,
    };
  },
  'customer-report': (ctx) => ({
    parts: [{ template: ctx.templates.get('customer-report'), view: customerReportView(ctx.data, customerFigures(ctx.data, ctx.customer, ctx.req.today)) }],
  }),
} as const satisfies Record<CustomerDocumentKind, (ctx: Ctx) => Made>;

function festivalOf(req: RequestBase): { festival: Festival; year: number } {
  if (!req.festival) throw new UsageError('节日信函要指明节日和年份');
  if (!FESTIVALS.includes(req.festival.name)) throw new UsageError(`没有「${req.festival.name}」这个节日：${FESTIVALS.join('、')}`);
  return { festival: req.festival.name, year: req.festival.year };
}

function productNamed(data: DataSet, id: string): Product {
  const product = data.products.get(id);
  if (product) return product;
  const guess = closest(id, data.products.keys());
  throw new DataError(`找不到产品「${id}」${guess ? `，是否想写「${guess}」？` : ''}`, { code: 'data' });
}

/**
 * The deal asked for, or the customer's open deal on `on`; undefined when it has none and none
 * was asked for. Adds a notice when the deal may not be the one meant.
 */
export function dealFor(data: DataSet, customer: Customer, id: string | undefined, on: IsoDate, notices: Notice[]): Deal | undefined {
  const open = id === undefined ? openDeals(data, customer, on) : [];
  const deal = id === undefined ? open[0] : data.deals.get(id);
  if (id !== undefined && !deal) {
    const broken = dealFileErrors(data);
    if (broken.length > 0) throw new DataError(`找不到方案「${id}」；方案文件里有错误，它可能就在其中：\n${broken.map(formatIssue).join('\n')}`, { code: 'deal-not-found', issues: broken });
    const guess = closest(id, data.deals.keys());
    throw new DataError(`找不到方案「${id}」${guess ? `，是否想写「${guess}」？` : ''}`, { code: 'deal-not-found' });
  }
  if (!deal) return undefined;
  if (deal.customer !== customer.id) throw new DataError(`方案「${deal.id}」属于客户 ${deal.customer}，不是「${customer.name}」的方案`, { code: 'deal-invalid' });
  // Printed without a word, either would pass for a current offer.
  if (compareIso(deal.validUntil, on) < 0) notices.push({ code: 'deal-expired', message: `方案「${deal.id}」已于 ${formatChineseDate(deal.validUntil)} 过期，文书里写的有效期已经过了` });
  const others = open.slice(1);
  if (others.length > 0) {
    notices.push({ code: 'other-open-deals', message: `客户还有 ${others.length} 个可用方案（${others.map((d) => d.id).join('、')}），这次用的是「${deal.id}」` });
  }
  return deal;
}

/** A notice of the data's errors that did not stop the document. */
function errorsElsewhere(data: DataSet): Notice[] {
  const errors = data.issues.filter((i) => i.severity === 'error').length;
  if (errors === 0) return [];
  const [where, unread] = data.onlyCustomer === undefined ? ['数据中', ''] : ['已读的数据文件中', '；其他客户的文件这次没有读'];
  return [{ code: 'errors-elsewhere', message: `${where}另有 ${errors} 个错误（不影响本文书${unread}）` }];
}

/** The weekly sales report, through the same template, document and glyph checks as every kind. */
function buildWeeklyReport(ws: Workspace, req: WeeklyReportDocumentRequest): BuiltDocument {
  const range = reportRange(req);
  const templates = ws.templates();
  const template = templates.get('weekly-report');
  const data = ws.usableData();
  const manager = managerNamed(data, req.manager);
  const report = weeklyReportOf(data, range, req.today, manager);
  const view = weeklyReportView(data, report, req.today);
  // Every record the report may quote, so a character the fonts lack is traced to its field.
  const traced = [
    ...(data.company ? [{ record: data.company, schema: companySchema }] : []),
    ...[...data.customers.values()].map((record) => ({ record, schema: customerSchema })),
    ...[...data.deals.values()].map((record) => ({ record, schema: dealSchema })),
    ...[...data.products.values()].map((record) => ({ record, schema: productSchema })),
  ];
  const doc = buildDoc(templates, { parts: [{ template, view }], title: `${template.front.title}—${report.period}${manager ? `—${manager}` : ''}`, data, traced, today: req.today });
  return {
    doc,
    template: template.name,
    name: weeklyReportName(range, manager),
    formats: FORMATS.filter((f) => !template.front.formats || template.front.formats.includes(f)),
    customer: undefined,
    deal: undefined,
    notices: errorsElsewhere(data),
    views: [view],
  };
}

function checkDate(name: string, value: IsoDate | undefined): void {
  if (value === undefined) return;
  if (!isIsoDate(value)) throw new UsageError(`${name}要写成 YYYY-MM-DD，如 2026-11-24`);
  if (!inDateRange(value)) throw new UsageError(`${name}要在 ${DATE_RANGE.first} 到 ${DATE_RANGE.last} 之间，收到：${value}`);
}

/** The document a request asks for, as a model, with what its reader should be told. */
export function buildDocument(ws: Workspace, req: DocumentRequest): BuiltDocument {
  if ('kind' in req && req.kind === 'weekly-report') return buildWeeklyReport(ws, req);
  checkDate('日期', req.today);
  checkDate('拜访日期', req.date);
  if ('kind' in req && !DOCUMENT_KINDS.includes(req.kind)) throw new UsageError(`没有「${String(req.kind)}」这种文书：${DOCUMENT_KINDS.join('、')}`);
  const templates = ws.templates();
  // A template's own errors do not depend on the data: they come first, as they would for any customer.
  if ('template' in req) templates.get(req.template);
  // The customer report ranks the unit among all customers; labels name several.
  const wholeData = Boolean(req.more?.length) || ('kind' in req && req.kind === 'customer-report');
  const data = ws.usableData({ customer: wholeData ? undefined : req.customer });
  const customer = customerNamed(data, req.customer);
  const notices: Notice[] = [];
  let picked: { deal: Deal | undefined } | undefined;
  const deal = () => (picked ??= { deal: dealFor(data, customer, req.deal, req.date ?? req.today, notices) }).deal;
  const ctx: Ctx = { data, templates, customer, req, deal };
  const made: Made = 'kind' in req ? KINDS[req.kind](ctx) : single(ctx, req.template);
  const { parts } = made;
  const first = parts[0]!.template;
  const title = made.title ?? `${first.front.title}—${customer.name}`;
  const doc = buildDoc(templates, { parts, title, data, traced: tracedRecords(data, customer, made.deal), today: req.today });
  const formats = FORMATS.filter((f) => parts.every((p) => !p.template.front.formats || p.template.front.formats.includes(f)));
  notices.push(...errorsElsewhere(data));
  const allocation = parts.length === 1 && first.front.view === 'allocation' ? (parts[0]!.view as AllocationView) : undefined;
  if (allocation) {
    for (const c of allocation.compliance) if (!c.pass) notices.push({ code: 'compliance', message: `方案 ${allocation.deal.id} 违规：${c.rule}（${c.detail}）` });
    if (allocation.marginBelowPolicy) notices.push({ code: 'margin', message: `方案 ${allocation.deal.id} 毛利率 ${allocation.marginRate} 低于政策最低 ${allocation.minMargin}` });
  }
  const template = 'kind' in req && req.kind === 'pack' ? 'pack' : first.name;
  return {
    doc,
    template,
    name: `${customer.id}-${template}`,
    formats,
    customer,
    deal: made.deal,
    notices,
    views: parts.map((p) => p.view),
    ...(allocation && { compliance: { violations: allocation.violations, marginBelowPolicy: allocation.marginBelowPolicy } }),
  };
}
