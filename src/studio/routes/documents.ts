// A customer's documents as PDF or .docx, built and rendered in memory for each request (the
// preview shows the data as it is on disk now; no file is written): 
// /customers/:id/documents/<kind>.<pdf|docx>?deal=…&product=…[&download=1]
import { Hono } from 'hono';
import { buildDocument, type BuiltDocument, type DocumentKind, type KindRequest } from '../../app/documents.ts';
import { renderDocument } from '../../app/render.ts';
import type { DataSet } from '../../data/dataset.ts';
import type { Customer } from '../../data/schema.ts';
import { AppError } from '../../errors.ts';
import type { Format } from '../../template/frontmatter.ts';
import type { RouteModule, StudioContext } from '../context.ts';
import { disposition } from '../disposition.ts';
import { customerById, dealOf, dealsOf } from '../lookup.ts';

/** The kinds a customer's page offers; letters, envelopes and labels are made by a mailing. */
export const CUSTOMER_KINDS = ['proposal', 'visit', 'card', 'allocation', 'product', 'pack'] as const satisfies readonly DocumentKind[];
type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const KIND_TITLES: Readonly<Record<CustomerKind, string>> = {
  proposal: '团购建议书',
  visit: '拜访准备单',
  card: '客户信息卡',
  allocation: '利益分配汇总',
  product: '产品介绍',
  pack: '拜访资料包',
};

/** One document the customer's page lists: its kind and the deal or product it is for. */
export interface DocumentEntry {
  readonly kind: CustomerKind;
  readonly deal?: string | undefined;
  readonly product?: string | undefined;
  readonly title: string;
}

/** Every document of the customer: a proposal and an allocation per deal, a product sheet per product of its deals. */
export function documentEntries(data: DataSet, customer: Customer): DocumentEntry[] {
  const deals = dealsOf(data, customer);
  const products = [...new Set(deals.flatMap((d) => d.items.map((i) => i.product)))].filter((p) => data.products.has(p));
  const perDeal = (kind: 'proposal' | 'allocation') =>
    deals.length === 0 ? [{ kind, title: KIND_TITLES[kind] }] : deals.map((d) => ({ kind, deal: d.id, title: `${KIND_TITLES[kind]}（方案 ${d.id}）` }));
  return [
    ...perDeal('proposal'),
    { kind: 'visit', title: KIND_TITLES.visit },
    { kind: 'card', title: KIND_TITLES.card },
    ...perDeal('allocation'),
    ...(products.length === 0
      ? [{ kind: 'product' as const, title: KIND_TITLES.product }]
      : products.map((p) => ({ kind: 'product' as const, product: p, title: `${KIND_TITLES.product}（${data.products.get(p)!.name}）` }))),
    { kind: 'pack', title: KIND_TITLES.pack },
  ];
}

/** The address of a document of the customer. */
export function documentUrl(customer: string, e: Pick<DocumentEntry, 'kind' | 'deal' | 'product'>, format: Format, opts: { download?: boolean; version?: string } = {}): string {
  const q = new URLSearchParams({ ...(e.deal && { deal: e.deal }), ...(e.product && { product: e.product }), ...(opts.download && { download: '1' }), ...(opts.version && { v: opts.version }) });
  const query = q.toString();
  return `/customers/${encodeURIComponent(customer)}/documents/${e.kind}.${format}${query ? `?${query}` : ''}`;
}

/** The document an entry names, built from the data as it is now (AppErrors pass through). */
export function buildEntry(ctx: StudioContext, customer: Customer, data: DataSet, e: Pick<DocumentEntry, 'kind' | 'deal' | 'product'>): BuiltDocument {
  if (e.deal !== undefined) dealOf(data, customer, e.deal);
  const req: KindRequest = { kind: e.kind, customer: customer.id, today: ctx.today(), ...(e.deal && { deal: e.deal }), ...(e.product && { product: e.product }) };
  return buildDocument(ctx.ws, req);
}


const MIME: Readonly<Record<Format, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const FILE = /^([a-z]+)\.(pdf|docx)$/;

export const documents: RouteModule = (ctx) =>
  new Hono().get('/:id/documents/:file', async (c) => {
    const m = FILE.exec(c.req.param('file'));
    const kind = m?.[1] as CustomerKind | undefined;
    if (!m || !CUSTOMER_KINDS.includes(kind!)) return c.notFound();
    const format = m[2] as Format;
    const { data, customer } = customerById(ctx, c.req.param('id'));
    const deal = c.req.query('deal');
    const product = c.req.query('product');
    const built = buildEntry(ctx, customer, data, { kind: kind!, deal, product });
    if (!built.formats.includes(format)) throw new AppError(`这份文书的模板不能生成 ${format} 格式`, { code: 'usage' });
    const bytes = await renderDocument(ctx.ws, built, format);
    const name = `${built.name}${deal ? `-${deal}` : ''}.${format}`;
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': MIME[format],
      'Content-Disposition': disposition(c.req.query('download') ? 'attachment' : 'inline', name),
    });
  });
