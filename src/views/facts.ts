// Facts derived from the data with the domain rules: a customer's class, its key people and
// each contact's VIP status. Every document and listing takes them from here.
import { customerClass, type CustomerClass } from '../domain/classify.ts';
import { civilRank } from '../domain/ranks.ts';
import type { IsoDate } from '../domain/dates.ts';
import { mailingPlan, type Festival, type MailingPlan } from '../domain/festivals.ts';
import { vipStatus, type VipPurchase } from '../domain/vip.ts';
import { compareIso } from '../domain/dates.ts';
import { currentStep, planVisits, type PlannedVisit } from '../domain/visit-plan.ts';
import type { Contact, Customer, Policies, Product } from '../data/schema.ts';
import { DataError } from '../errors.ts';

export interface FactSources {
  readonly products: ReadonlyMap<string, Product>;
  readonly policies: Policies;
}

/** The A–D class by expected annual purchase; undefined while that is unknown. */
export function classOf(c: Customer, policies: Policies): CustomerClass | undefined {
  return c.expectedAnnualPurchase === undefined ? undefined : customerClass(c.expectedAnnualPurchase, policies.classThresholds);
}

export function vipOf(customer: Customer, contact: Contact, src: FactSources) {
  const purchases: VipPurchase[] = (customer.purchases ?? [])
    .filter((p) => p.buyer === contact.name)
    .map((p) => {
      const grade = src.products.get(p.product)?.grade;
      return { date: p.date, amountFen: p.amount, premium: grade === '高端' || grade === '中端' };
    });
  const vip = contact.vip;
  const rank = contact.rank === undefined ? undefined : civilRank(contact.rank, customer.system);
  return vipStatus(
    {
      ...(rank === undefined ? {} : { rank }),
      ...(rank !== undefined && rank !== contact.rank ? { rankAs: contact.rank } : {}),
      purchases,
      ...(vip?.nominatedBy && vip.nominatedOn ? { nomination: { by: vip.nominatedBy, date: vip.nominatedOn } } : {}),
      ...(vip?.approval ? { approval: vip.approval } : {}),
    },
    {
      singlePurchaseFen: src.policies.vip.singlePurchase,
      monthlyFen: src.policies.vip.monthlyPurchase,
      minRank: src.policies.vip.minRank,
    },
  );
}

/**
 * Whether the unit has bought from us: a 现有 customer with a purchase on record. Only such a
 * unit is thanked for its business; a prospect never is (domain.md §13).
 */
export function hasBought(c: Customer): boolean {
  return c.status === '现有' && ((c.purchases?.length ?? 0) > 0 || c.contacts.some((k) => (k.purchasedProducts?.length ?? 0) > 0));
}

/** A festival's mailing plan under the policies: mailing date = festival − lead days, then the visits. */
export function planFor(festival: Festival, year: number, today: IsoDate, policies: Policies): MailingPlan {
  const lead = policies.festivalLead;
  return mailingPlan(festival, year, today, {
    mailDaysBefore: lead.mailDaysBefore,
    firstVisitAfterMail: [lead.firstVisitFrom, lead.firstVisitTo],
    minVisits: lead.minVisits,
  });
}

export function decisionMaker(c: Customer): Contact | undefined {
  return c.contacts.find((k) => k.role === '决策人');
}

/** The people a visit, a card or a follow-up is about: the 决策人 and the 业务负责人, or else the first contact. */
export function keyContacts(c: Customer): Contact[] {
  const key = c.contacts.filter((k) => k.role === '决策人' || k.role === '业务负责人');
  return key.length > 0 ? key : c.contacts.slice(0, 1);
}

/** The roles a unit's purchase goes through (domain.md §2): the people a visit and the archive's cards are about. */
const CONCERNED_ROLES: readonly string[] = ['决策人', '业务负责人', '工会主席', '办公室主任', '采购'];

/** The contacts in those roles, in the order of the unit's file; else the first contact. */
export function contactsConcerned(c: Customer): Contact[] {
  const found = c.contacts.filter((k) => CONCERNED_ROLES.includes(k.role));
  return found.length > 0 ? found : c.contacts.slice(0, 1);
}

/** The contact of that name; a DataError listing the names there are when none has it. */
export function contactNamed(c: Customer, name: string): Contact {
  const found = c.contacts.find((k) => k.name === name);
  if (!found) throw new DataError(`客户「${c.name}」没有名为「${name}」的联系人`, { hint: `可选：${c.contacts.map((k) => k.name).join('、')}` });
  return found;
}

/** The visit records up to `until`, in date order (a mailing, 邮寄, among them: plannedVisits does not count it as a visit). */
export function visitRecords(c: Customer, until: IsoDate): NonNullable<Customer['visits']> {
  // A paper dated the 24th knows nothing of a visit recorded for the 1st of the next month.
  return (c.visits ?? []).filter((v) => compareIso(v.date, until) <= 0).sort((a, b) => compareIso(a.date, b.date));
}

/**
 * The visits planned for a customer from `from` (and its window up to `to`) on: numbered after
 * the visits made, starting at the step the last visit and the deal have reached, as many as
 * the policy's minimum. The visit sheet and the mailing follow-up both plan with this.
 */
export function plannedVisits(c: Customer, deal: { readonly status: string } | undefined, policies: Policies, from: IsoDate, to?: IsoDate): PlannedVisit[] {
  const records = visitRecords(c, from);
  const made = records.filter((v) => v.mode !== '邮寄').length;
  const step = currentStep({ nextStep: records.at(-1)?.nextStep, dealStatus: deal?.status, visited: made > 0, existing: c.status === '现有' });
  return planVisits({ made, step, from, ...(to !== undefined && { to }), count: policies.festivalLead.minVisits });
}
