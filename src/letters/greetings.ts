// The people's own occasions in a window — contacts' birthdays (solar or lunar) and the events
// recorded on a customer — as letters of a batch: a card, a congratulation or a condolence each.
import type { DataSet } from '../data/dataset.ts';
import { formatIssue } from '../data/issues.ts';
import type { Contact, Customer } from '../data/schema.ts';
import { occurrencesWithin } from '../domain/calendar-date.ts';
import { compareIso, daysBetween, type IsoDate } from '../domain/dates.ts';
import { bereavedOn, bereavement, eventDue, greetingDate, greetingKindOf, GREETING_KINDS, type EventKind, type GreetingKind, type GreetingWindow } from '../domain/greetings.ts';
import { buildDoc } from '../pipeline/document.ts';
import { tracedRecords } from '../pipeline/glyphs.ts';
import type { TemplateSet } from '../pipeline/templates.ts';
import { greetingView } from '../views/greeting.ts';
import type { BatchItem } from './batch.ts';
import { printOrder } from './select.ts';

/** The built-in template of each paper. */
export const GREETING_TEMPLATES: Readonly<Record<GreetingKind, string>> = {
  生日: 'greeting-birthday',
  贺信: 'greeting-congratulation',
  慰问: 'greeting-condolence',
};

export interface Occasion {
  readonly customer: Customer;
  /** The contact written to; undefined when an event names no contact of the unit (its letter fails). */
  readonly contact: Contact | undefined;
  readonly person: string;
  readonly kind: GreetingKind;
  readonly occasion: '生日' | EventKind;
  readonly on: IsoDate;
  readonly relative?: string | undefined;
  /** For an event: its place in customer.events. */
  readonly event?: number;
}

/** A customer's occasions in the window: birthdays falling in it, events due in it (eventDue). */
export function occasionsOf(customer: Customer, w: GreetingWindow): Occasion[] {
  const span = daysBetween(w.from, w.to);
  const birthdays = customer.contacts.flatMap((contact) =>
    contact.birthday === undefined
      ? []
      : occurrencesWithin(contact.birthday, w.from, span).map((on): Occasion => ({ customer, contact, person: contact.name, kind: '生日', occasion: '生日', on })),
  );
  const events = (customer.events ?? []).flatMap((e, event): Occasion[] =>
    eventDue(e.date, w)
      ? [{ customer, contact: customer.contacts.find((k) => k.name === e.person), person: e.person, kind: greetingKindOf(e.kind), occasion: e.kind, on: e.date, relative: e.relative, event }]
      : [],
  );
  return [...birthdays, ...events];
}

/** What the paper is called: 生日贺卡, 贺信, 慰问信, or 唁函 for a bereavement. */
export const paperName = (o: Pick<Occasion, 'kind' | 'occasion'>): string => (o.kind === '生日' ? '生日贺卡' : o.occasion === '丧事' ? '唁函' : o.kind === '贺信' ? '贺信' : '慰问信');

/** The manifest columns greeting items fill. */
export const GREETING_COLUMNS = ['人', '文书', '事由', '日子', '寄出日期'] as const;

interface Context {
  readonly data: DataSet;
  readonly templates: TemplateSet;
  readonly today: IsoDate;
}

/** Why a paper is not sent, or undefined: a festive one to a person bereaved in the last hundred days. */
function mourning(o: Occasion, today: IsoDate): string | undefined {
  if (o.kind === '慰问' || o.contact === undefined) return undefined;
  const death = bereavedOn(o.customer.events ?? [], o.person, o.on, today);
  return death && `skipped: ${o.person}${bereavement(death)}，百日内不寄${paperName(o)}`;
}

/** An event whose person is not a contact: its check error, with file, line and field. */
function unknownPerson(data: DataSet, o: Occasion): string {
  const file = data.sourceOf(o.customer)?.file;
  const issue = data.issues.find((i) => i.file === file && i.field === `events[${o.event}].person`);
  return `failed: ${issue ? formatIssue(issue) : `「${o.person}」不在${o.customer.name}的联系人里`}`;
}

/** One occasion's paper as a batch item. */
export function greetingItem(ctx: Context, o: Occasion): BatchItem {
  const { data, templates, today } = ctx;
  const { customer, contact } = o;
  const status = contact === undefined ? unknownPerson(data, o) : mourning(o, today);
  return {
    key: `${customer.id}-${o.on}-${o.occasion}-${o.person}`,
    customer,
    addressee: contact,
    // 慰问信 and 唁函 go out in black and grey (domain.md, courtesy): their envelopes too.
    muted: o.kind === '慰问',
    group: o.kind,
    columns: [o.person, paperName(o), o.relative ? `${o.relative}${o.occasion}` : o.occasion, o.on, greetingDate(o.on, today)],
    status,
    // Never called with a status set, and an occasion without its contact has one.
    doc: () => {
      const view = greetingView({ data, customer, contact: contact!, kind: o.kind, occasion: o.occasion, on: o.on, relative: o.relative, today });
      const title = `${paperName(o)}—${customer.name} ${o.person}`;
      return buildDoc(templates, { parts: [{ template: templates.get(GREETING_TEMPLATES[o.kind]), view }], title, data, traced: tracedRecords(data, customer, undefined), today });
    },
  };
}

/** Print order: cards, then congratulations, then condolences (each its own volumes); within one, by system and unit, then day and person. */
export function greetingOrder(occasions: readonly Occasion[]): Occasion[] {
  const units = printOrder([...new Set(occasions.map((o) => o.customer))]);
  return [...occasions].sort(
    (a, b) =>
      GREETING_KINDS.indexOf(a.kind) - GREETING_KINDS.indexOf(b.kind) ||
      units.indexOf(a.customer) - units.indexOf(b.customer) ||
      compareIso(a.on, b.on) ||
      a.person.localeCompare(b.person, 'zh-Hans-CN'),
  );
}
