// The customer list's rows and filters. A row is worked out once per customer record and kept
// while its file is unchanged (the workspace hands back the same record object), so a list of
// a thousand customers costs a filter, not a thousand VIP and class computations per request.
import type { DataSet } from '../data/dataset.ts';
import type { Customer } from '../data/schema.ts';
import { latestVisit } from '../domain/agenda.ts';
import { CLASSES } from '../domain/classify.ts';
import type { IsoDate } from '../domain/dates.ts';
import { SYSTEMS } from '../data/schema.ts';
import { classOf, vipOf } from '../views/facts.ts';

export interface CustomerRow {
  readonly id: string;
  readonly name: string;
  readonly system: string;
  readonly status: string;
  /** A–D, or 未分级 while the expected purchase is unknown. */
  readonly cls: string;
  /** VIP when a contact's VIP is approved, else 符合VIP条件 when one qualifies, else empty. */
  readonly vip: string;
  /** The VIP contacts with their state: 其木格（VIP）. */
  readonly vipPeople: string;
  readonly manager: string;
  readonly lastVisit: IsoDate | undefined;
  /** Unit and contact names, for the search box. */
  readonly names: readonly string[];
}

export const UNGRADED = '未分级';
export const CLASS_CHOICES = [...CLASSES, UNGRADED] as const;
export const SYSTEM_CHOICES = SYSTEMS;
export const STATUS_CHOICES = ['现有', '潜在'] as const;
export const VIP_CHOICES = ['VIP', '符合VIP条件', '无'] as const;

/**
 * Rows by customer record, valid while the policies (grading, VIP thresholds) and the products'
 * grades (premium purchases count for VIP) stay as they were when the rows were made.
 */
let cache: { readonly key: string; readonly rows: WeakMap<Customer, CustomerRow> } | undefined;
const factsKey = (data: DataSet): string => JSON.stringify([data.policies, [...data.products.values()].map((p) => [p.id, p.grade])]);

function rowOf(c: Customer, data: DataSet): CustomerRow {
  const vips = c.contacts.map((k) => ({ name: k.name, ...vipOf(c, k, data) })).filter((v) => v.status !== 'none');
  const vip = vips.some((v) => v.status === 'approved') ? 'VIP' : vips.length > 0 ? '符合VIP条件' : '';
  return {
    id: c.id,
    name: c.name,
    system: c.system,
    status: c.status,
    cls: classOf(c, data.policies) ?? UNGRADED,
    vip,
    vipPeople: vips.map((v) => `${v.name}（${v.label}）`).join('、'),
    manager: c.accountManager ?? '',
    lastVisit: latestVisit(c.visits ?? [])?.date,
    names: [c.name, ...c.contacts.map((k) => k.name)],
  };
}

/** Every customer's row, in class then id order. */
export function customerRows(data: DataSet): CustomerRow[] {
  const key = factsKey(data);
  if (cache?.key !== key) cache = { key, rows: new WeakMap() };
  const { rows } = cache;
  const out: CustomerRow[] = [];
  for (const c of data.customers.values()) {
    let row = rows.get(c);
    if (!row) rows.set(c, (row = rowOf(c, data)));
    out.push(row);
  }
  return out.sort((a, b) => a.cls.localeCompare(b.cls) || a.id.localeCompare(b.id));
}

/** The list's filters, as the query string carries them (the form works without script). */
export interface CustomerFilter {
  readonly cls?: string | undefined;
  readonly system?: string | undefined;
  readonly status?: string | undefined;
  readonly vip?: string | undefined;
  readonly manager?: string | undefined;
  /** Part of the unit's or a contact's name. */
  readonly q?: string | undefined;
}

const given = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

export function filterOf(query: (name: string) => string | undefined): CustomerFilter {
  return { cls: given(query('class')), system: given(query('system')), status: given(query('status')), vip: given(query('vip')), manager: given(query('manager')), q: given(query('q')) };
}

export function matches(row: CustomerRow, f: CustomerFilter): boolean {
  return (
    (f.cls === undefined || row.cls === f.cls) &&
    (f.system === undefined || row.system === f.system) &&
    (f.status === undefined || row.status === f.status) &&
    (f.vip === undefined || (f.vip === '无' ? row.vip === '' : row.vip === f.vip)) &&
    (f.manager === undefined || row.manager === f.manager) &&
    (f.q === undefined || row.names.some((n) => n.includes(f.q!)))
  );
}
