// One festival mailing: a letter per customer to its 决策人, through the batch runner (print
// volumes, envelopes or labels, manifest, resume), then the follow-up list and calendar.
import path from 'node:path';
import type { Customer, Deal } from '../data/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Festival } from '../domain/festivals.ts';
import type { Doc } from '../document/model.ts';
import { buildDoc, type Part } from '../pipeline/document.ts';
import { buildView, openDeal } from '../views/build.ts';
import { tracedRecords } from '../pipeline/glyphs.ts';
import { batchCsv, runBatch, writeBatchFile, type BatchRequest, type BatchResult } from './batch.ts';
import { calendar, type CalendarEvent } from './ics.ts';
import { followUp, planFor } from './schedule.ts';

/** A festival's letters: the batch runner's request, its items and folder made from the customers. */
export interface MailingRequest extends Omit<BatchRequest, 'items' | 'folder' | 'title' | 'letterTemplates' | 'columns'> {
  readonly customers: readonly Customer[];
  readonly festival: Festival;
  readonly year: number;
  /** The shard these customers are, which names the folder. */
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
}

export interface MailingResult extends Omit<BatchResult, 'made'> {
  readonly mailingDate: IsoDate;
  readonly mailingPast: boolean;
}

/** The parts of one customer's festival letter, offering that festival's open deal if it has one. */
export function letterParts(req: Pick<MailingRequest, 'data' | 'templates' | 'festival' | 'year' | 'today'>, customer: Customer): { parts: Part[]; deal: Deal | undefined; title: string } {
  const { data, today } = req;
  const festival = { name: req.festival, year: req.year };
  const deal = openDeal(data, customer, today, festival);
  const parts = [{ template: req.templates.get('letter'), view: buildView('letter', { data, customer, ...(deal && { deal }), today, festival }) }];
  return { parts, deal, title: `${req.year}年${req.festival}致函—${customer.name}` };
}

/** One customer's festival letter. */
export function letterDoc(req: Pick<MailingRequest, 'data' | 'templates' | 'festival' | 'year' | 'today'>, customer: Customer): Doc {
  const { parts, deal, title } = letterParts(req, customer);
  return buildDoc(req.templates, { parts, title, data: req.data, traced: tracedRecords(req.data, customer, deal), today: req.today });
}

export async function runMailing(req: MailingRequest): Promise<MailingResult> {
  const { data, festival, year, today } = req;
  const { made, ...result } = await runBatch({
    ...req,
    // A shard has its own folder, so shards written to one shared disk do not replace each other.
    folder: `${year}-${festival}${req.shard ? `-shard${req.shard.index}of${req.shard.count}` : ''}`,
    title: `${year}年${festival}致函`,
    letterTemplates: ['letter'],
    items: req.customers.map((customer) => ({ key: customer.id, customer, group: '', columns: [], doc: () => letterDoc(req, customer) })),
  });
  const folder = result.folder;
  const plan = planFor(festival, year, today, data.policies);
  const ups = made.map((m) => followUp(m.customer, plan, today, data.policies, openDeal(data, m.customer, today, { name: festival, year })));
  const followFile = path.join(folder, 'follow-up.csv');
  writeBatchFile(
    req,
    followFile,
    batchCsv(
      ['客户编号', '单位名称', '联系人', '电话', '拜访次序', '最早', '最晚', '重要日子'],
      ups.flatMap((u) =>
        u.visits.map((v) => [u.customer.id, u.customer.name, u.contact, u.phone, `第 ${v.no} 次`, v.from, v.to, v.no === 1 ? u.dates.map((d) => `${d.date} ${d.who}${d.what}`).join('；') : '']),
      ),
    ),
  );
  const events: CalendarEvent[] = ups.flatMap((u) => [
    ...u.visits.map((v) => ({
      uid: `${year}-${festival}-${u.customer.id}-visit${v.no}@tuangou`,
      title: `拜访 ${u.customer.name}（第 ${v.no} 次）`,
      description: `${u.contact} ${u.phone}`.trim(),
      start: v.from,
      end: v.to,
    })),
    ...u.dates.map((d, i) => ({ uid: `${year}-${festival}-${u.customer.id}-date${i}@tuangou`, title: `${d.who}${d.what}（${u.customer.name}）`, start: d.date, end: d.date })),
  ]);
  const icsFile = path.join(folder, 'follow-up.ics');
  writeBatchFile(req, icsFile, calendar(`${year}年${festival}团购跟进`, events, today));
  return { ...result, files: [...result.files, followFile, icsFile], mailingDate: plan.mailingDate, mailingPast: plan.mailingPast };
}
