// Envelopes and address labels for the festival mailing. External: the unit's postal address,
// the addressee's name and title, and the company as sender — never a home address, phone
// number or anything else from the contact record.
import { z } from 'zod';
import type { DataSet } from '../data/dataset.ts';
import type { Contact, Customer } from '../data/schema.ts';
import { companyV, defined } from './common.ts';
import { contactNamed, decisionMaker } from './facts.ts';

const s = z.string();

const recipientView = z.object({
  /** The unit's postcode, six digits; absent when unknown (the boxes stay blank). */
  postcode: s.optional(),
  /** The unit's address. */
  address: s,
  /** The unit's name. */
  unit: s,
  /** The addressee, absent when the envelope goes to the unit itself. */
  name: s.optional(),
  /** 行长; 先生 / 女士 when the contact has no title. */
  title: s.optional(),
  /** 杜建平 行长 收; absent when the envelope goes to the unit itself. */
  addressee: s.optional(),
});

export const envelopeViewSchema = z.object({
  recipient: recipientView,
  /** The company: name, address, postcode. */
  sender: z.object({ name: s, address: s, postcode: s }),
});

/** One A4 sheet of address labels (or several: the writers start a new page when one is full). */
export const labelsViewSchema = z.object({
  labels: z.array(
    z.object({
      postcode: s.optional(),
      address: s,
      unit: s,
      /** 杜建平 行长 收; absent when the label goes to the unit itself (the template adds 收 to the unit). */
      recipient: s.optional(),
    }),
  ),
});

export type EnvelopeView = z.output<typeof envelopeViewSchema>;
export type LabelsView = z.output<typeof labelsViewSchema>;
export type Label = LabelsView['labels'][number];

const courtesy = (c: Contact): string | undefined => c.title ?? (c.gender === '男' ? '先生' : c.gender === '女' ? '女士' : undefined);

/**
 * The envelope of one customer, addressed to `contact` (a contact record or a name among the
 * unit's contacts), to its 决策人 when `contact` is not given, and to the unit when it has none.
 */
export function envelopeView(data: DataSet, customer: Customer, contact?: Contact | string): EnvelopeView {
  const company = companyV(data.company, data.dir);
  const to = typeof contact === 'string' ? contactNamed(customer, contact) : (contact ?? decisionMaker(customer));
  const title = to && courtesy(to);
  const view: EnvelopeView = {
    recipient: defined({
      postcode: customer.postcode,
      address: customer.address,
      unit: customer.name,
      name: to?.name,
      title,
      addressee: to && [to.name, title, '收'].filter(Boolean).join(' '),
    }),
    sender: { name: company.name, address: company.address, postcode: company.postcode },
  };
  // Through the schema, so a key it lacks can never reach an external template.
  return envelopeViewSchema.parse(view);
}

/** An envelope's address as one label. */
export function labelOf(envelope: EnvelopeView): Label {
  const r = envelope.recipient;
  return defined({ postcode: r.postcode, address: r.address, unit: r.unit, recipient: r.addressee });
}

/** The labels view of many envelopes, in the order given. */
export function labelsView(envelopes: readonly EnvelopeView[]): LabelsView {
  return labelsViewSchema.parse({ labels: envelopes.map(labelOf) });
}
