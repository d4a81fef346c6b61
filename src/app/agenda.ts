// The salesperson's week: one list of what the coming days ask for — visits due, customers
// gone too long without one, birthdays and anniversaries, deals running out, festival mailing
// dates, people to put forward for VIP — for one account manager or all, sorted by date.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DataSet } from '../data/dataset.ts';
import { companySchema, customerSchema, type Contact, type Customer } from '../data/schema.ts';
import { agendaWindow, compareAgendaDates, dueIn, inWindow, intervalDue, latestVisit, overdueDays, type AgendaWindow } from '../domain/agenda.ts';
import { ageOn, formatCalendarDate, occurrencesWithin, type CalendarDate } from '../domain/calendar-date.ts';
import { addDays, daysBetween, DATE_RANGE, formatChineseDate, inDateRange, isIsoDate, isoParts, type IsoDate } from '../domain/dates.ts';
import { FESTIVALS } from '../domain/festivals.ts';
import { bereavedOn, bereavement } from '../domain/greetings.ts';
import type { Doc } from '../document/model.ts';
import { UsageError } from '../errors.ts';
import { calendar, type CalendarEvent } from '../letters/ics.ts';
import { planFor } from '../letters/schedule.ts';
import { safeName, writeAtomic } from '../output/write.ts';
import { buildDoc, writeDoc } from '../pipeline/document.ts';
import type { Format } from '../template/frontmatter.ts';
import { closest } from '../util/suggest.ts';
import { dateV, defined } from '../views/common.ts';
import { classOf, keyContacts, vipOf } from '../views/facts.ts';
import { agendaViewSchema, type AgendaView } from '../views/schemas.ts';
import type { Workspace } from './workspace.ts';

export interface AgendaRequest {
  /** The day overdue is counted from. */
  readonly today: IsoDate;
  /** The window's first day (today when absent). */
  readonly from?: IsoDate | undefined;
  /** Days after `from` in the window (7 when absent: today and the next 7). */
  readonly days?: number | undefined;
  /** Only this account manager's customers (customer.accountManager). */
  readonly manager?: string | undefined;
}

export const AGENDA_KINDS = ['visit-due', 'visit-interval', 'birthday', 'anniversary', 'deal-expiring', 'mailing', 'vip'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** What each kind of item is called: in the table, the printed plan, the calendar and the studio. */
export const AGENDA_KIND_NAMES: Readonly<Record<AgendaKind, string>> = {
  'visit-due': '计划拜访',
  'visit-interval': '该去拜访',
  birthday: '生日',
  anniversary: '纪念日',
  'deal-expiring': '方案到期',
  mailing: '节日邮寄',
  vip: 'VIP 推荐',
};

export interface AgendaItem {
  readonly kind: AgendaKind;
  /** The day it falls on or is due by; undefined for what has no day (a customer never visited, a VIP to put forward). */
  readonly date: IsoDate | undefined;
  /** Days past `date` on today; 0 when not past. */
  readonly overdueDays: number;
  /** Undefined for what concerns every customer (a festival's mailing). */
  readonly customer: { readonly id: string; readonly name: string } | undefined;
  readonly manager: string | undefined;
  /** Whom it is about: the people to see, the person with the birthday. */
  readonly person: string;
  readonly why: string;
}

export interface Agenda extends AgendaWindow {
  readonly manager: string | undefined;
  readonly items: readonly AgendaItem[];
  /** Customer files with errors, left out of the list. */
  readonly skipped: readonly string[];
}

const OPEN_DEAL_STATUSES: readonly string[] = ['草拟', '已发送', '洽谈中'];

export function checkDate(what: string, d: IsoDate): void {
  if (!isIsoDate(d)) throw new UsageError(`${what}要写成 YYYY-MM-DD，如 2026-12-03，收到：${d}`);
  if (!inDateRange(d)) throw new UsageError(`${what}要在 ${DATE_RANGE.first} 到 ${DATE_RANGE.last} 之间，收到：${d}`);
}

export function agenda(ws: Workspace, req: AgendaRequest): Agenda {
  return collect(ws, req).list;
}

function collect(ws: Workspace, req: AgendaRequest): { list: Agenda; data: DataSet; customers: readonly Customer[] } {
  checkDate('今天', req.today);
  if (req.from !== undefined) checkDate('开始日期', req.from);
  let window: AgendaWindow;
  try {
    window = agendaWindow(req.today, req.from, req.days);
  } catch (e) {
    throw new UsageError((e as Error).message, { cause: e });
  }
  const data = ws.usableData({ company: false });
  const customers = managersCustomers(data, req.manager);
  const items = [
    ...customers.flatMap((c) => [...visitItems(c, data, window), ...dayItems(c, window), ...dealItems(c, data, window), ...vipItems(c, data)]),
    ...mailingItems(data, window, customers.length),
  ];
  const order = (i: AgendaItem) => AGENDA_KINDS.indexOf(i.kind);
  items.sort((a, b) => compareAgendaDates(a.date, b.date) || order(a) - order(b) || (a.customer?.id ?? '').localeCompare(b.customer?.id ?? ''));
  const list = { ...window, manager: req.manager, items, skipped: [...data.rejectedCustomers.values()].map((r) => r.file) };
  return { list, data, customers };
}

/** The agenda's files: the printed 周工作计划 (PDF, .docx) and a calendar (.ics). */
export type AgendaFormat = Format | 'ics';
export const AGENDA_FORMATS: readonly AgendaFormat[] = ['pdf', 'docx', 'ics'];

/** A plan of up to a month lists every day, so each has its place to write in; a longer one only the days with something on. */
const EVERY_DAY_UP_TO = 31;

/** The printable 周工作计划: overdue items first, then day by day, then what has no day; a blank 结果 column for each. */
export function agendaView(list: Agenda): AgendaView {
  const row = (i: AgendaItem) => defined({
    when: i.date !== undefined && i.overdueDays > 0 ? `${i.date}，逾期 ${i.overdueDays} 天` : undefined,
    kind: AGENDA_KIND_NAMES[i.kind],
    unit: i.customer?.name ?? '（全部客户）',
    person: i.person,
    why: i.why,
  });
  const overdue = list.items.filter((i) => i.overdueDays > 0);
  const dated = list.items.filter((i) => i.date !== undefined && i.overdueDays === 0);
  const span = daysBetween(list.from, list.to);
  const days = Array.from({ length: span + 1 }, (_, n) => addDays(list.from, n)).filter((d) => span < EVERY_DAY_UP_TO || dated.some((i) => i.date === d));
  const groups = [
    ...(overdue.length > 0 ? [{ title: '逾期未办', items: overdue.map(row) }] : []),
    ...days.map((d) => ({ title: dateV(d).week, items: dated.filter((i) => i.date === d).map(row) })),
    ...(list.items.some((i) => i.date === undefined) ? [{ title: '尽快（没有日子）', items: list.items.filter((i) => i.date === undefined).map(row) }] : []),
  ];
  return agendaViewSchema.parse(
    defined({ today: dateV(list.today), from: dateV(list.from), to: dateV(list.to), manager: list.manager, count: list.items.length, groups, skipped: [...list.skipped] }),
  );
}

/**
 * One all-day event per item: on its day; an overdue one today (it is to be done now), an
 * undated one on the window's first day. The UID is made of what the item is, not of the day
 * it is listed on, so a calendar that imports next week's file updates the event instead of
 * adding a second one.
 */
export function agendaEvents(list: Agenda): CalendarEvent[] {
  return list.items.map((i) => {
    const on = i.date === undefined ? list.from : i.overdueDays > 0 ? list.today : i.date;
    const key = createHash('sha256').update([i.kind, i.customer?.id ?? '', i.date ?? '', i.person, i.why].join('\u0000')).digest('hex').slice(0, 16);
    const late = i.overdueDays > 0 ? `（逾期 ${i.overdueDays} 天，原定 ${i.date}）` : i.date === undefined ? '（尽快）' : '';
    return {
      uid: `agenda-${key}@tuangou`,
      title: `${AGENDA_KIND_NAMES[i.kind]}：${i.customer?.name ?? '全部客户'} ${i.person}${late}`,
      description: [i.why, i.manager && `客户经理：${i.manager}`].filter(Boolean).join('\n'),
      start: on,
      end: on,
    };
  });
}

export interface AgendaFiles {
  readonly agenda: Agenda;
  readonly files: readonly string[];
}

/** The agenda written as `<outDir>/周工作计划-<from>至<to>[-<manager>].pdf|.docx|.ics`, each file atomically. */
export async function writeAgenda(ws: Workspace, req: AgendaRequest, opts: { readonly outDir: string; readonly formats: readonly AgendaFormat[] }): Promise<AgendaFiles> {
  const { list, data, customers } = collect(ws, req);
  const base = path.join(opts.outDir, safeName(`周工作计划-${list.from}至${list.to}${list.manager ? `-${list.manager}` : ''}`));
  const title = `周工作计划 ${list.from} 至 ${list.to}${list.manager ? ` ${list.manager}` : ''}`;
  const files: string[] = [];
  const paper = opts.formats.filter((f): f is Format => f !== 'ics');
  if (paper.length > 0) {
    const templates = ws.templates();
    // Every customer's record is traced, so a character the fonts lack names its file and field.
    const traced = [...(data.company ? [{ record: data.company, schema: companySchema }] : []), ...customers.map((c) => ({ record: c, schema: customerSchema }))];
    const doc: Doc = buildDoc(templates, { parts: [{ template: templates.get('agenda'), view: agendaView(list) }], title, data, traced, today: list.today });
    files.push(...(await writeDoc(doc, paper, base, path.join(data.dir, 'assets'), opts.outDir)));
  }
  if (opts.formats.includes('ics')) {
    const file = `${base}.ics`;
    writeAtomic(file, calendar(title, agendaEvents(list), list.today), { root: opts.outDir });
    files.push(file);
  }
  return { agenda: list, files };
}

/** The customers of one account manager (all when undefined); a UsageError suggesting the name meant when none is theirs. */
export function managersCustomers(data: DataSet, manager: string | undefined): Customer[] {
  const all = [...data.customers.values()];
  if (manager === undefined) return all;
  const mine = all.filter((c) => c.accountManager === manager);
  if (mine.length > 0) return mine;
  const managers = [...new Set(all.flatMap((c) => (c.accountManager ? [c.accountManager] : [])))].sort();
  const guess = closest(manager, managers);
  throw new UsageError(`没有客户经理是「${manager}」的客户${guess ? `，是否想写「${guess}」？` : ''}`, { hint: `数据里的客户经理：${managers.join('、') || '（没有填写）'}` });
}

const about = (c: Customer) => ({ customer: { id: c.id, name: c.name }, manager: c.accountManager });
const keyPeople = (c: Customer) => keyContacts(c).map((k) => k.name).join('、');

/** The planned next visit, and the class's interval since the last one (domain.md §3: A customers most often). */
function visitItems(c: Customer, data: DataSet, w: AgendaWindow): AgendaItem[] {
  const latest = latestVisit(c.visits ?? []);
  const cls = classOf(c, data.policies);
  // [ours] a customer not yet graded is visited at least as often as a D customer.
  const interval = data.policies.visitIntervalDays[cls ?? 'D'];
  const rule = `${cls ? `${cls} 类客户` : '未分级的客户（按 D 类）'}至少每 ${interval} 天拜访一次`;
  if (latest === undefined) {
    return [{ kind: 'visit-interval', date: undefined, overdueDays: 0, ...about(c), person: keyPeople(c), why: `还没有拜访记录；${rule}` }];
  }
  const items: AgendaItem[] = [];
  const planned = latest.nextDate;
  if (planned !== undefined && dueIn(planned, w)) {
    items.push({
      kind: 'visit-due',
      date: planned,
      overdueDays: overdueDays(planned, w.today),
      ...about(c),
      person: latest.met?.join('、') ?? keyPeople(c),
      why: `计划的拜访${latest.nextStep ? `：${latest.nextStep}` : ''}（上次 ${latest.date} ${latest.mode}）`,
    });
  }
  const due = intervalDue(latest.date, interval, planned);
  if (due !== undefined && dueIn(due, w)) {
    items.push({ kind: 'visit-interval', date: due, overdueDays: overdueDays(due, w.today), ...about(c), person: keyPeople(c), why: `${rule}，上次拜访是 ${latest.date}` });
  }
  return items;
}

/** "农历十月廿八（公历12月6日）": a lunar date with the solar day it falls on. */
function dayText(date: CalendarDate, on: IsoDate): string {
  const written = formatCalendarDate({ ...date, year: undefined });
  if (date.calendar === 'solar') return written;
  const { month, day } = isoParts(on);
  return `${written}（公历${month}月${day}日）`;
}

/** Birthdays and anniversaries of every contact, and their family members' birthdays, solar or lunar. */
function dayItems(c: Customer, w: AgendaWindow): AgendaItem[] {
  const span = daysBetween(w.from, w.to);
  const days = (person: string, what: '生日' | '结婚纪念日', date: CalendarDate | undefined): AgendaItem[] =>
    date === undefined
      ? []
      : occurrencesWithin(date, w.from, span).map((on) => {
          const years = ageOn(date, on);
          const count = years === undefined ? '' : what === '生日' ? `，${years} 岁` : `，第 ${years} 年`;
          return { kind: what === '生日' ? 'birthday' : 'anniversary', date: on, overdueDays: 0, ...about(c), person, why: `${what}：${dayText(date, on)}${count}` };
        });
  // [ours] A bereaved person is not congratulated (domain/greetings.ts mourningOn): the item says so.
  const mourned = (k: Contact, items: AgendaItem[]) =>
    items.map((i) => {
      const death = i.date === undefined ? undefined : bereavedOn(c.events ?? [], k.name, i.date, w.today);
      return death ? { ...i, why: `${i.why}；${bereavement(death)}，不宜祝贺` } : i;
    });
  const ofContact = (k: Contact) => [
    ...mourned(k, [...days(k.name, '生日', k.birthday), ...days(k.name, '结婚纪念日', k.anniversary)]),
    ...(k.family ?? []).flatMap((f) => days(`${k.name}的${f.relation}${f.name ? ` ${f.name}` : ''}`, '生日', f.birthday)),
  ];
  return c.contacts.flatMap(ofContact);
}

function dealItems(c: Customer, data: DataSet, w: AgendaWindow): AgendaItem[] {
  return [...data.deals.values()]
    .filter((d) => d.customer === c.id && OPEN_DEAL_STATUSES.includes(d.status) && inWindow(d.validUntil, w))
    .map((d) => ({
      kind: 'deal-expiring',
      date: d.validUntil,
      overdueDays: 0,
      ...about(c),
      person: keyPeople(c),
      why: `方案「${d.id}」（${d.occasion}${d.year ?? ''}，${d.status}）有效期到这天`,
    }));
}

/** A festival whose mailing date (policies festivalLead) falls in the window: one item for all the customers listed. */
function mailingItems(data: DataSet, w: AgendaWindow, customers: number): AgendaItem[] {
  const first = isoParts(w.from).year;
  return [first, first + 1].flatMap((year) =>
    FESTIVALS.map((f) => planFor(f, year, w.today, data.policies))
      .filter((p) => inWindow(p.mailingDate, w))
      .map((p): AgendaItem => ({
        kind: 'mailing',
        date: p.mailingDate,
        overdueDays: 0,
        customer: undefined,
        manager: undefined,
        person: `${customers} 个客户`,
        why: `${p.year}年${p.festival}（${formatChineseDate(p.festivalDate)}）前 ${data.policies.festivalLead.mailDaysBefore} 天寄出节日资料；首次拜访在寄出后第 ${data.policies.festivalLead.firstVisitFrom}–${data.policies.festivalLead.firstVisitTo} 天`,
      })),
  );
}

/** domain.md §4: qualified but neither put forward nor approved, so the salesperson applies. */
function vipItems(c: Customer, data: DataSet): AgendaItem[] {
  return c.contacts.flatMap((k): AgendaItem[] => {
    const vip = vipOf(c, k, data);
    if (vip.status !== 'qualified' || k.vip?.nominatedBy !== undefined) return [];
    return [{ kind: 'vip', date: undefined, overdueDays: 0, ...about(c), person: k.name, why: `符合VIP条件，还没有推荐：${vip.reasons[0]}${vip.reasons.length > 1 ? ` 等 ${vip.reasons.length} 条` : ''}` }];
  });
}

