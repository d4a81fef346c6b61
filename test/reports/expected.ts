// The reports' figures recomputed from the fixture's YAML on their own: the files parsed with
// the yaml package (not the tool's loader), money from the written yuan, the rules as the
// README states them, written out plainly here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const FIXTURE = path.join(import.meta.dirname, '../fixtures/reports');

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const read = (file: string): Raw => parse(readFileSync(file, 'utf8'), { schema: 'failsafe' }) as Raw;
const folder = (name: string): Raw[] => readdirSync(path.join(FIXTURE, name)).sort().map((f) => read(path.join(FIXTURE, name, f)));

export const customers = folder('customers');
export const deals = folder('deals');
export const products = Object.fromEntries(folder('products').map((p) => [p['id'], p]));
export const targets = read(path.join(FIXTURE, 'targets.yaml'))['targets'] as Raw[];

/** "1,857.30" → 185730 */
export const fen = (yuan: string): number => {
  const [whole, dec = ''] = yuan.replace(/,/g, '').split('.');
  return Number(whole) * 100 + Number(dec.padEnd(2, '0'));
};
const within = (d: string, from: string, to: string) => d >= from && d <= to;

export interface Figures {
  visits: number;
  byMode: Record<string, number>;
  newContacts: number;
  newCustomers: number;
  quoted: number;
  won: number;
  lost: number;
  wonProspects: number;
  bottles: number;
  revenue: number;
  cost: number;
}

/** One manager's figures (or all managers' with `who` undefined) from `from` through `to`. */
export function figures(who: string | undefined, from: string, to: string): Figures {
  const me = (m: string | undefined) => who === undefined || m === who;
  const f: Figures = { visits: 0, byMode: { 登门: 0, 电话: 0, 邮寄: 0, 品鉴会: 0 }, newContacts: 0, newCustomers: 0, quoted: 0, won: 0, lost: 0, wonProspects: 0, bottles: 0, revenue: 0, cost: 0 };
  for (const c of customers) {
    const visits: Raw[] = c['visits'] ?? [];
    const purchases: Raw[] = c['purchases'] ?? [];
    for (const v of visits) {
      if (within(v['date'], from, to) && me(v['by'])) {
        f.visits++;
        f.byMode[v['mode']] = (f.byMode[v['mode']] ?? 0) + 1;
      }
    }
    const first = [...visits].sort((a, b) => (a['date'] < b['date'] ? -1 : 1))[0];
    if (first && within(first['date'], from, to) && me(first['by'])) f.newContacts++;
    const firstBuy = purchases.map((p) => p['date'] as string).sort()[0];
    if (firstBuy && within(firstBuy, from, to) && me(c['accountManager'])) f.newCustomers++;
    for (const p of purchases) {
      if (!within(p['date'], from, to) || !me(c['accountManager'])) continue;
      f.bottles += Number(p['bottles']);
      f.revenue += fen(p['amount']);
      f.cost += fen(products[p['product']]['costPrice']) * Number(p['bottles']);
    }
  }
  for (const d of deals) {
    const c = customers.find((x) => x['id'] === d['customer'])!;
    const owner = d['owner'] ?? c['accountManager'];
    if (!me(owner)) continue;
    for (const s of (d['stages'] ?? []) as Raw[]) {
      if (!within(s['date'], from, to)) continue;
      if (s['stage'] === '报价') f.quoted++;
      if (s['stage'] === '未成交') f.lost++;
      if (s['stage'] === '成交') {
        f.won++;
        if (!((c['purchases'] ?? []) as Raw[]).some((p) => p['date'] < s['date'])) f.wonProspects++;
      }
    }
  }
  return f;
}

/** ¥6,009.00 */
export const yuanText = (f: number): string => `¥${Math.floor(f / 100).toLocaleString('en-US')}.${String(f % 100).padStart(2, '0')}`;
