// The view of a birthday card, a letter of congratulation or of sympathy: one person of one
// unit, one occasion. External: the salutation, the occasion and the company, nothing else of
// the contact record and never the internal note on the event.
import type { DataSet } from '../data/dataset.ts';
import type { Contact, Customer } from '../data/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import { OFFICIAL_SYSTEMS } from '../domain/deal.ts';
import { greetingDate, honorificFor, type EventKind, type GreetingKind } from '../domain/greetings.ts';
import { salutationFor } from '../domain/names.ts';
import { companyV, dateV, defined, qrText } from './common.ts';
import { hasBought } from './facts.ts';
import { greetingViewSchema, type GreetingView } from './schemas.ts';

export interface GreetingInput {
  readonly data: DataSet;
  readonly customer: Customer;
  readonly contact: Contact;
  readonly kind: GreetingKind;
  /** 生日, or the event. */
  readonly occasion: '生日' | EventKind;
  readonly on: IsoDate;
  /** Whose occasion it is when not the contact's own (儿子, 母亲). */
  readonly relative?: string | undefined;
  readonly today: IsoDate;
}

/** 尊敬的乔局长 (no 副) when the contact has a title or a 称呼; else the full name with 先生 / 女士. */
function salutationOf(contact: Contact, unit: string): string {
  if (contact.title !== undefined || contact.salutation !== undefined) return salutationFor(contact, unit);
  return `尊敬的${contact.name}${contact.gender === '男' ? '先生' : contact.gender === '女' ? '女士' : ''}`;
}

export function greetingView(input: GreetingInput): GreetingView {
  const { data, customer, contact } = input;
  const view = defined({
    today: dateV(input.today),
    date: dateV(greetingDate(input.on, input.today)),
    company: companyV(data.company, data.dir),
    kind: input.kind,
    occasion: input.occasion,
    on: dateV(input.on),
    relative: input.relative === undefined ? undefined : honorificFor(input.relative),
    recipient: defined({ unit: customer.name, name: contact.name, title: contact.title, salutation: salutationOf(contact, customer.name) }),
    official: OFFICIAL_SYSTEMS.includes(customer.system),
    hasBought: hasBought(customer),
    qr: qrText(data),
  });
  // Through the schema, so a key it lacks can never reach an external template.
  return greetingViewSchema.parse(view);
}
