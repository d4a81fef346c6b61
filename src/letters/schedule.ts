// The follow-up after a mailing: mailing date, the first-visit window, the later visits, and
// the key contacts' birthdays and anniversaries (solar or lunar) that fall in the season.
import type { Customer, Policies } from '../data/schema.ts';
import { formatCalendarDate, occurrencesWithin } from '../domain/calendar-date.ts';
import { addDays, daysBetween, type IsoDate } from '../domain/dates.ts';
import type { MailingPlan } from '../domain/festivals.ts';
import { decisionMaker, keyContacts, plannedVisits } from '../views/facts.ts';

// The letters are dated by the same plan (views/build.ts letterView), so it lives with the views.
export { planFor } from '../views/facts.ts';

export interface FollowUp {
  readonly customer: Customer;
  /** The 决策人 or, failing that, the first contact. */
  readonly contact: string;
  readonly phone: string;
  readonly visits: readonly { readonly no: number; readonly from: IsoDate; readonly to: IsoDate }[];
  readonly dates: readonly { readonly who: string; readonly what: string; readonly date: IsoDate }[];
}

/**
 * The visits the visit sheet plans (views/facts.ts plannedVisits: numbered after the visits made,
 * from the step the customer has reached), the first in the first-visit window and each later
 * one a week after. When the mailing date is past, the window starts from today instead.
 */
export function followUp(customer: Customer, plan: MailingPlan, today: IsoDate, policies: Policies, deal?: { readonly status: string }): FollowUp {
  const shift = plan.mailingPast ? Math.max(0, daysBetween(plan.firstVisitFrom, today)) : 0;
  const visits = plannedVisits(customer, deal, policies, addDays(plan.firstVisitFrom, shift), addDays(plan.firstVisitTo, shift)).map(({ no, from, to }) => ({ no, from, to }));
  const key = keyContacts(customer);
  const head = decisionMaker(customer) ?? customer.contacts[0];
  const seasonStart = plan.mailingPast ? today : plan.mailingDate;
  const season = Math.max(0, daysBetween(seasonStart, plan.festivalDate));
  const dates = key.flatMap((c) =>
    [
      { what: '生日', date: c.birthday },
      { what: '结婚纪念日', date: c.anniversary },
    ].flatMap(({ what, date }) =>
      date ? occurrencesWithin(date, seasonStart, season).map((d) => ({ who: c.name, what: `${what}（${formatCalendarDate({ ...date, year: undefined })}）`, date: d })) : [],
    ),
  );
  return {
    customer,
    contact: head?.name ?? '',
    phone: head?.mobile ?? head?.officePhone ?? customer.phone ?? '',
    visits,
    dates: dates.sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
}
