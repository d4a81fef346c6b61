// Envelopes and address labels for the festival mailing. External: the unit's postal address,
// the addressee's name and title, and the company as sender — never a home address, phone
// number or anything else from the contact record.
import type { DataSet } from '../data/dataset.ts';
import type { Contact, Customer } from '../data/schema.ts';
import { companyV, defined } from './common.ts';
import { contactNamed, decisionMaker } from './facts.ts';
import { envelopeViewSchema, labelsViewSchema, type EnvelopeView, type Label, type LabelsView } from './schemas.ts';

export type { EnvelopeView } from './schemas.ts';

const courtesy = (c: Contact): string | undefined => c.title ?? (c.gender === '男' ? '先生' : c.gender === '女' ? '女士' : undefined);

/**
 * The envelope of one customer, addressed to `contact` (a contact record or a name among the
 * unit's contacts), to its 决策人 when `contact` is not given, and to the unit when it has none.
 */
export function envelopeView(data: DataSet, customer: Customer, contact?: Contact | string, opts: { readonly muted?: boolean | undefined } = {}): EnvelopeView {
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
    ...(opts.muted && { muted: true }),
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
