// View builders: one data set + one customer (+ deal, date) → the ready-computed values a
// template of each kind receives. Templates only place and word them.
import { dealFileErrors, recordErrors, type DataSet } from '../data/dataset.ts';
import { formatIssue, type Issue, type PathSegment } from '../data/issues.ts';
import type { Company, Contact, Customer, Deal, Product } from '../data/schema.ts';
import { formatCalendarDate, occurrencesWithin, type CalendarDate } from '../domain/calendar-date.ts';
import { addDays, compareIso, daysBetween, formatChineseDate, type IsoDate } from '../domain/dates.ts';
import { allocationFigures, commissionTie, complianceChecks, dealPurpose, groupPriceFor, headcountCoverage, priceDeal, type ComplianceRow, type PricedDeal, type Purpose } from '../domain/deal.ts';
import { bereavedOn, bereavement } from '../domain/greetings.ts';
import { STEP_PURPOSES, stepsNamed } from '../domain/visit-plan.ts';
import { issueAt } from '../data/validate.ts';
import { dealSchema } from '../data/schema.ts';
import { DataError } from '../errors.ts';
import { MoneyOverflowError, sumFen } from '../domain/money.ts';
import type { ViewKind } from '../template/frontmatter.ts';
import { festivalDate, type Festival } from '../domain/festivals.ts';
import { salutationFor } from '../domain/names.ts';
import { companyV, customerInternalV, customerPublicV, dateV, dealPublicV, defined, moneyV, productV, qrText, withPricing } from './common.ts';
import { contactNamed, contactsConcerned, decisionMaker, hasBought, planFor, plannedVisits, visitRecords, vipOf } from './facts.ts';
import { CHECKLIST, defaultQuestions, materialsFor } from './visit-defaults.ts';
import {
  EXTERNAL_VIEWS,
  VIEW_SCHEMAS,
  type AllocationView,
  type LetterView,
  type CardView,
  type ProductSheetView,
  type ProposalView,
  type VisitView,
} from './schemas.ts';

export interface ViewInput {
  readonly data: DataSet;
  readonly customer: Customer;
  readonly deal?: Deal;
  readonly today: IsoDate;
  /** The visit date for visit sheets; today when absent. */
  readonly visitDate?: IsoDate;
  /** Contacts to make cards for; every contact in a role the purchase goes through when absent. */
  readonly contacts?: readonly string[];
  /** The product of a product sheet. */
  readonly product?: Product;
  /** The festival of a mailing letter. */
  readonly festival?: { readonly name: Festival; readonly year: number };
}

/** Birthdays and anniversaries this many days ahead are listed on a visit sheet. */
const EVENT_DAYS = 30;
const NOTE_LINES = 8;

function locator(data: DataSet) {
  return (record: object, path: PathSegment[]): string => {
    const src = data.sourceOf(record);
    if (!src) return '';
    const at = src.locate(path);
    return `${src.file}:${at.line}:${at.column}`;
  };
}


/** Units whose staff are public officials: offered the top grade only when they ask for it. */
const OFFICIAL_SYSTEMS: readonly string[] = ['党政', '执法', '军警'];

/**
 * What a unit's last festival welfare came to a head: the budget it stated over its headcount.
 * Used to choose products, never printed on an external paper (domain.md §12).
 */
function budgetPerHead(customer: Customer): number | undefined {
  // The latest by the festival's own date, as the visit sheet's 最近一次福利.
  const last = (customer.pastWelfare ?? [])
    .filter((w) => w.budget !== undefined)
    .sort((a, b) => compareIso(festivalDate(a.festival, a.year), festivalDate(b.festival, b.year)))
    .at(-1);
  if (last?.budget === undefined || !customer.headcount) return undefined;
  return Math.floor(last.budget / customer.headcount);
}

/**
 * Products of the deal, or the products the unit bought before; else those that fit the unit:
 * a bottle a head within the budget per head it stated (dearest first), and for a 党政 / 执法 /
 * 军警 unit never the top grade unasked; else the top grade.
 */
export function recommendedProducts(input: ViewInput): Product[] {
  const { data, customer, deal } = input;
  const ids = deal
    ? deal.items.map((i) => i.product)
    : [...(customer.purchases ?? []).map((p) => p.product), ...customer.contacts.flatMap((c) => c.purchasedProducts ?? [])];
  const products = [...new Set(ids)].flatMap((id) => data.products.get(id) ?? []);
  if (products.length > 0) return products;
  const all = [...data.products.values()];
  const official = OFFICIAL_SYSTEMS.includes(customer.system);
  const budget = budgetPerHead(customer);
  if (budget !== undefined) {
    // The price a bottle a head reaches, from the same tiers the price table uses.
    const perHead = (p: Product) => groupPriceFor(p, customer.headcount ?? 0);
    const fit = all.filter((p) => perHead(p) <= budget && !(official && p.grade === '高端')).sort((a, b) => perHead(b) - perHead(a));
    if (fit.length > 0) return fit;
  }
  return official ? all.filter((p) => p.grade === '中端') : all.filter((p) => p.grade === '高端').slice(0, 2);
}

function requireDeal(input: ViewInput): Deal {
  if (!input.deal) {
    const broken = dealFileErrors(input.data);
    // A deal file with an error is left out: saying so beats inviting a second copy of the deal.
    if (broken.length > 0) {
      throw new DataError(`客户「${input.customer.name}」没有可用的团购方案；方案文件里有错误，要找的方案可能就在其中：\n${broken.map(formatIssue).join('\n')}`, {
        code: 'no-deal',
        issues: broken,
      });
    }
    throw new DataError(`客户「${input.customer.name}」没有可用的团购方案`, {
      code: 'no-deal',
      hint: `在 ${input.data.dir}/deals/ 下新建一个方案文件（customer: ${input.customer.id}，状态为草拟、已发送或洽谈中）`,
    });
  }
  return input.deal;
}

/** Our account manager for the unit, else the first sales contact: who answers for the quote. */
function ourContact(company: Company | undefined, customer: Customer) {
  const staff = company?.salesContacts ?? [];
  const found = staff.find((c) => c.name === customer.accountManager) ?? staff[0];
  return found && defined({ ...found });
}

/** The products of a priced deal, once each, each at the price its line's quantity reaches. */
const dealProducts = (priced: PricedDeal<Product>, purpose: Purpose) =>
  priced.lines.filter((l, i, all) => all.findIndex((m) => m.product.id === l.product.id) === i).map((l) => productV(l.product, l, purpose));

export function proposalView(input: ViewInput): ProposalView {
  const { data, customer } = input;
  const deal = requireDeal(input);
  const company = companyV(data.company, data.dir);
  // A licence past its date on a paper filed for 比价 would get the quote thrown out.
  const expired = (data.company?.qualifications ?? []).filter((q) => q.validUntil !== undefined && compareIso(q.validUntil, input.today) < 0);
  if (expired.length > 0) {
    throw new DataError(`company.yaml 里的资质已经过期，不能印在对外文书上：${expired.map((q) => `${q.name}（${q.validUntil}）`).join('、')}`, { code: 'company-unusable' });
  }
  return withPricing(() => {
    const priced = priceDeal(deal, data.products);
    const lead = customer.contacts.find((c) => c.role === '业务负责人') ?? decisionMaker(customer);
    const coverage = dealPurpose(deal) === '福利' ? headcountCoverage(deal, customer.headcount) : undefined;
    return defined({
      today: dateV(input.today),
      company,
      customer: customerPublicV(customer),
      recipient: lead && defined({ name: lead.name, title: lead.title }),
      hasBought: hasBought(customer),
      deal: dealPublicV(deal, priced),
      coverage: coverage && { people: coverage.people, headcount: coverage.headcount, short: coverage.short, extra: coverage.extra, tier: coverage.standard.tier, bottlesEach: coverage.standard.bottlesEach, addBottles: coverage.addBottles },
      contact: ourContact(data.company, customer) ?? { name: company.name },
      products: dealProducts(priced, dealPurpose(deal)),
      qr: qrText(data),
    });
  }, locator(data));
}

export function productSheetView(input: ViewInput): ProductSheetView {
  const product = input.product ?? recommendedProducts(input)[0];
  if (!product) throw new DataError(`${input.data.dir}/products/ 里没有产品`);
  return withPricing(() => {
    // On a deal's papers the sheet quotes the price of the quantity the deal orders, as its proposal does.
    const line = input.deal && priceDeal(input.deal, input.data.products).lines.find((l) => l.product.id === product.id);
    return { today: dateV(input.today), company: companyV(input.data.company, input.data.dir), product: productV(product, line, input.deal && dealPurpose(input.deal)), qr: qrText(input.data) };
  }, locator(input.data));
}

/** Dates near a visit: a week back (a greeting still in time) to a month ahead. */
const EVENTS_BEFORE = 7;

// [ours] A bereaved person's dates are shown, but not to be congratulated on (domain/greetings.ts).
function eventsOf(customer: Customer, contact: Contact, visitDate: IsoDate, today: IsoDate): VisitView['people'][number]['events'] {
  const dates: { what: string; date: CalendarDate | undefined }[] = [
    { what: '生日', date: contact.birthday },
    { what: '结婚纪念日', date: contact.anniversary },
    ...(contact.family ?? []).map((m) => ({ what: `${m.relation}${m.name ? `${m.name}` : ''}生日`, date: m.birthday })),
  ];
  const from = addDays(visitDate, -EVENTS_BEFORE);
  return dates
    .flatMap(({ what, date }) =>
      date
        ? occurrencesWithin(date, from, EVENTS_BEFORE + EVENT_DAYS).map((iso) => {
            const { year: _year, ...everyYear } = date;
            const days = daysBetween(visitDate, iso);
            const death = bereavedOn(customer.events ?? [], contact.name, iso, today);
            return {
              what: `${what}（${formatCalendarDate(everyYear as CalendarDate)}）`,
              date: dateV(iso),
              daysAway: days,
              when: `${days === 0 ? '就是拜访当天' : days > 0 ? `${days} 天后` : `${-days} 天前`}${death ? `；${bereavement(death)}，不宜祝贺` : ''}`,
              mourning: death !== undefined,
              onVisitDay: days === 0,
            };
          })
        : [],
    )
    .sort((a, b) => compareIso(a.date.iso, b.date.iso));
}

function vipText(customer: Customer, contact: Contact, data: DataSet): { label: string; reasons: string } {
  const v = vipOf(customer, contact, data);
  return { label: v.label, reasons: v.reasons.join('；') };
}

/** Visits whose people count as recently met. */
const RECENT_VISITS = 3;

/**
 * Everyone a visit concerns: the contacts in the roles a unit's purchase goes through (domain.md
 * §2), anyone met on the last visits, anyone the deal names (a gift's recipient role, the
 * commission's payee); in the order of the unit's file.
 */
function peopleConcerned(customer: Customer, deal: Deal | undefined, visitDate: IsoDate): { contact: Contact; why: string[] }[] {
  const recent = visitRecords(customer, visitDate).slice(-RECENT_VISITS);
  const lastMet = (name: string) => recent.filter((v) => v.met?.includes(name)).at(-1)?.date;
  const dealRoles = new Set((deal?.gifts ?? []).flatMap((g) => (g.recipientRole ? [g.recipientRole] : [])));
  const concerned = new Set(contactsConcerned(customer));
  return customer.contacts.flatMap((contact) => {
    const met = lastMet(contact.name);
    const why = [
      ...(met ? [`${formatChineseDate(met).replace(/^\d+年/, '')}见过`] : []),
      ...(dealRoles.has(contact.role) || deal?.commission?.to === contact.name ? ['方案里写到'] : []),
    ];
    return concerned.has(contact) || why.length > 0 ? [{ contact, why }] : [];
  });
}

export function visitView(input: ViewInput): VisitView {
  const { data, customer } = input;
  const visitDate = input.visitDate ?? input.today;
  const people = peopleConcerned(customer, input.deal, visitDate).map(({ contact: c, why }) => {
    const events = eventsOf(customer, c, visitDate, input.today);
    const onVisitDay = events.filter((e) => e.onVisitDay);
    const today = onVisitDay.map((e) => e.what.replace(/（.*$/, ''));
    return defined({
      name: c.name,
      role: c.role,
      title: c.title,
      rank: c.rank,
      vip: vipText(customer, c, data).label,
      mobile: c.mobile,
      officePhone: c.officePhone,
      wechat: c.wechat,
      hobbies: c.hobbies?.join('、'),
      why: why.length > 0 ? why.join('；') : undefined,
      todayMark: today.length > 0 ? `今日${today.join('、')}${onVisitDay.some((e) => e.mourning) ? '，不宜祝贺' : ''}` : undefined,
      events,
    });
  });
  return withPricing(() => {
    const deal = input.deal && { ...dealPublicV(input.deal, priceDeal(input.deal, data.products)), status: input.deal.status };
    const products = recommendedProducts(input).map((p) => productV(p, undefined, input.deal && dealPurpose(input.deal)));
    const visits = visitRecords(customer, visitDate);
    const last = visits.at(-1);
    const plan = plannedVisits(customer, input.deal, data.policies, visitDate);
    const step = plan[0]!.step;
    const purpose = last?.nextStep ?? STEP_PURPOSES[step];
    const name = (id: string) => data.products.get(id)?.name ?? id;
    const openComplaints = (customer.complaints ?? []).filter((k) => k.closed !== true);
    const receivables = (customer.receivables ?? []).map((r) => {
      const days = daysBetween(visitDate, r.due);
      return {
        source: r.deal ? `方案 ${r.deal}` : `${formatChineseDate(r.date ?? r.due)}的货款`,
        amount: moneyV(r.amount),
        due: dateV(r.due),
        state: days < 0 ? `已逾期 ${-days} 天` : days === 0 ? '今天到期' : `${days} 天后到期`,
        overdue: days < 0,
      };
    });
    return defined({
      today: dateV(input.today),
      visitDate: dateV(visitDate),
      company: companyV(data.company, data.dir),
      customer: customerInternalV(customer, data.policies),
      people,
      purpose,
      stage: step,
      deal,
      products,
      questions: customer.questions ?? defaultQuestions(customer.system, data),
      materials: materialsFor({
        steps: [...new Set([...stepsNamed(purpose), step])],
        products: products.map((p) => p.name),
        ...(input.deal && { deal: input.deal.id }),
        requires: customer.requires ?? [],
        openComplaints: openComplaints.map((k) => k.issue),
        owed: receivables.length > 0 ? moneyV(sumFen((customer.receivables ?? []).map((r) => r.amount))).text : undefined,
      }),
      checklist: [...CHECKLIST],
      visits: visits.map((v, i) => {
        // The step agreed on the last visit is overdue once its date is behind the visit day.
        const late = i === visits.length - 1 && v.nextDate !== undefined ? daysBetween(v.nextDate, visitDate) : 0;
        return defined({
          date: dateV(v.date),
          mode: v.mode,
          by: v.by,
          met: v.met?.join('、'),
          outcome: v.outcome,
          nextStep: v.nextStep,
          nextDate: v.nextDate === undefined ? undefined : dateV(v.nextDate),
          overdue: late > 0 ? `已逾期 ${late} 天` : undefined,
        });
      }),
      purchases: [...(customer.purchases ?? [])]
        .sort((a, b) => compareIso(a.date, b.date))
        .map((p) => defined({ date: dateV(p.date), product: name(p.product), bottles: p.bottles, amount: moneyV(p.amount), buyer: p.buyer })),
      complaints: [...(customer.complaints ?? [])]
        .sort((a, b) => compareIso(b.date, a.date))
        .map((k) =>
          defined({
            date: dateV(k.date),
            issue: k.issue,
            product: k.product === undefined ? undefined : name(k.product),
            handling: k.handling,
            status: k.closed === true ? '已办结' : '未办结',
            open: k.closed !== true,
          }),
        ),
      receivables,
      receivablesTotal: receivables.length > 0 ? moneyV(sumFen((customer.receivables ?? []).map((r) => r.amount))) : undefined,
      plan: plan.map((p) => ({ no: p.no, date: dateV(p.from), purpose: p.purpose })),
      noteLines: NOTE_LINES,
    });
  }, locator(data));
}

const orBlank = (s: string | undefined): string => s ?? '';

function cardOf(customer: Customer, contact: Contact, data: DataSet, cls: string): CardView['cards'][number] {
  const vip = vipText(customer, contact, data);
  const productName = (id: string) => data.products.get(id)?.name ?? id;
  return {
    name: contact.name,
    unit: customer.name,
    officePhone: orBlank(contact.officePhone),
    homePhone: orBlank(contact.homePhone),
    class: cls,
    unitAddress: customer.address,
    title: `${contact.title ?? ''}${contact.rank ? `（${contact.rank}）` : ''}`,
    unitPostcode: orBlank(customer.postcode),
    homeAddress: orBlank(contact.homeAddress),
    mobile: orBlank(contact.mobile),
    homePostcode: orBlank(contact.homePostcode),
    website: orBlank(customer.website),
    anniversary: contact.anniversary ? formatCalendarDate(contact.anniversary) : '',
    email: orBlank(contact.email),
    birthday: contact.birthday ? formatCalendarDate(contact.birthday) : '',
    family: (contact.family ?? [])
      .map((m) => [m.relation, m.name, m.birthday && `生日 ${formatCalendarDate(m.birthday)}`].filter(Boolean).join(' '))
      .join('；'),
    hobbies: (contact.hobbies ?? []).join('、'),
    familyHobbies: (contact.family ?? []).filter((m) => m.hobbies?.length).map((m) => `${m.relation}：${m.hobbies?.join('、')}`).join('；'),
    purchasedProducts: [...new Set([...(contact.purchasedProducts ?? []), ...(customer.purchases ?? []).filter((p) => p.buyer === contact.name).map((p) => p.product)])]
      .map(productName)
      .join('、'),
    notes: orBlank(contact.notes),
    role: contact.role,
    wechat: orBlank(contact.wechat),
    vip: vip.label,
    vipReasons: vip.reasons,
    filledBy: orBlank(contact.card?.filledBy),
    filledOn: contact.card ? formatChineseDate(contact.card.filledOn) : '',
    updatedOn: contact.card?.updatedOn ? formatChineseDate(contact.card.updatedOn) : '',
    reviewedBy: orBlank(contact.card?.reviewedBy),
    reviewedOn: contact.card?.reviewedOn ? formatChineseDate(contact.card.reviewedOn) : '',
  };
}

export function cardView(input: ViewInput): CardView {
  const { data, customer } = input;
  const contacts = input.contacts?.length ? input.contacts.map((name) => contactNamed(customer, name)) : contactsConcerned(customer);
  const unit = customerInternalV(customer, data.policies);
  return {
    today: dateV(input.today),
    company: companyV(data.company, data.dir),
    customer: unit,
    cards: contacts.map((c) => cardOf(customer, c, data, unit.classLabel)),
  };
}

export function allocationView(input: ViewInput): AllocationView {
  const { data, customer } = input;
  const deal = requireDeal(input);
  return withPricing(() => {
    const priced = priceDeal(deal, data.products);
    const f = allocationFigures(deal, priced, data.products, data.policies);
    const tie = tieOf(deal, customer);
    const checks = complianceChecks(deal, customer.system, priced, data.policies, tie);
    const compliance = checks.map((c) => ({ rule: c.rule, pass: c.pass, warning: c.warning === true, detail: c.detail, result: c.pass ? (c.warning ? '注意' : '通过') : '违规' }));
    // Each flagged line carries its mark and reason where it is printed, not only in the checks at the end.
    const mark = (row: ComplianceRow): string | undefined => {
      const found = checks.filter((c) => c.rows?.includes(row) && (!c.pass || c.warning));
      if (found.length === 0) return undefined;
      return `${found.some((c) => !c.pass) ? '违规' : '注意'}：${found.map((c) => `${c.rule}（${c.detail}）`).join('；')}`;
    };
    const name = (id: string) => data.products.get(id)?.name ?? id;
    const pct = (bp: number) => `${(bp / 100).toFixed(1)}%`;
    const dealView = dealPublicV(deal, priced);
    return defined({
      today: dateV(input.today),
      company: companyV(data.company, data.dir),
      customer: customerInternalV(customer, data.policies),
      deal: defined({ ...dealView, status: deal.status, extraDiscountMark: mark('extraDiscount') }),
      unitDiscount: moneyV(f.unitDiscount),
      tiers: f.tiers.map((t, i) => ({
        ...t,
        product: dealView.allocation[i]?.product ?? '',
        valueEach: moneyV(t.valueEach),
        value: moneyV(t.value),
      })),
      welfareTotal: moneyV(f.welfare),
      allocationMismatch:
        f.tiers.length > 0 && f.allocatedBottles !== priced.bottles
          ? `分配合计 ${f.allocatedBottles} 瓶，方案共 ${priced.bottles} 瓶，相差 ${Math.abs(priced.bottles - f.allocatedBottles)} 瓶`
          : undefined,
      commission:
        deal.commission &&
        defined({
          to: deal.commission.to,
          rate: `${deal.commission.rate}%`,
          agreement: deal.commission.agreement ?? '无',
          booked: deal.commission.booked ? '已入账' : '未入账',
          amount: moneyV(f.commission),
          mark: mark('commission'),
        }),
      gifts: (deal.gifts ?? []).map((g, i) =>
        defined({
          item: g.item,
          quantity: g.quantity,
          valueEach: moneyV(g.valueEach),
          total: moneyV(f.giftLines[i] ?? 0),
          recipient: g.recipient === '单位' ? '单位' : `个人（${g.recipientRole ?? '未注明角色'}）`,
          mark: mark(`gift:${i}`),
        }),
      ),
      tasting: (deal.tastingBottles ?? []).map((t, i) => ({
        product: name(t.product),
        bottles: t.bottles,
        costEach: moneyV(f.tastingLines[i]?.costEach ?? 0),
        total: moneyV(f.tastingLines[i]?.total ?? 0),
      })),
      activities: (deal.activities ?? []).map((a) => ({ kind: a.kind, cost: moneyV(a.cost) })),
      costs: {
        products: moneyV(f.productCost),
        commission: moneyV(f.commission),
        gifts: moneyV(f.gifts),
        tasting: moneyV(f.tasting),
        activities: moneyV(f.activities),
        total: moneyV(f.ourCost),
      },
      margin: moneyV(f.margin),
      marginRate: pct(f.marginBp),
      minMargin: `${data.policies.minMargin}%`,
      marginBelowPolicy: f.marginBelowPolicy,
      compliance,
      violations: compliance.filter((c) => !c.pass).length,
      warnings: compliance.filter((c) => c.warning).length,
    });
  }, locator(data));
}

/**
 * A festival letter to the unit's 决策人 (or its leadership), with the offer in brief. It is
 * dated the day it is mailed (festival − the policy's lead days), or today once that is past.
 */
export function letterView(input: ViewInput): LetterView {
  const { data, customer, deal, festival } = input;
  if (!festival) throw notRenderable('letter');
  const head = decisionMaker(customer);
  const salutation = salutationFor(head, customer.name);
  const plan = planFor(festival.name, festival.year, input.today, data.policies);
  return withPricing(() => {
    const products = recommendedProducts(input).slice(0, 3);
    const priced = deal && priceDeal(deal, data.products);
    const offer = deal && priced && dealPublicV(deal, priced);
    return defined({
      today: dateV(input.today),
      date: dateV(plan.mailingPast ? input.today : plan.mailingDate),
      company: companyV(data.company, data.dir),
      festival: { name: festival.name, year: festival.year, date: dateV(festivalDate(festival.name, festival.year)) },
      recipient: defined({ unit: customer.name, name: head?.name, title: head?.title, salutation, hasBought: hasBought(customer) }),
      products: products.map((p) => {
        // With an offer, its price for the quantity offered; else the lowest tier, printed as 起.
        const line = priced?.lines.find((l) => l.product.id === p.id);
        // A festival letter offers for the festival: staff welfare unless its deal says otherwise.
        const v = productV(p, line, deal ? dealPurpose(deal) : '福利');
        const lowest = Math.min(...p.groupPrices.map((t) => t.price));
        return defined({ name: v.name, spec: v.spec, aroma: v.aroma, retailPrice: v.retailPrice, groupFrom: moneyV(lowest), dealPrice: v.dealPrice?.price, highlight: v.fab[0]?.benefit });
      }),
      offer: offer && { occasion: offer.occasion, quantity: offer.quantity, total: offer.total, validUntil: offer.validUntil },
      qr: qrText(data),
    });
  }, locator(data));
}

/**
 * The builder of every kind; null for the kinds that are not made alone: envelopes and labels
 * come with a mailing, the pack's contents page with its parts (pipeline/pack.ts), the reports
 * with their figures, greetings with their occasion (greeting.ts), the agenda with its list
 * (app/agenda.ts).
 */
const BUILDERS: Readonly<Record<ViewKind, ((input: ViewInput) => unknown) | null>> = {
  letter: letterView,
  proposal: proposalView,
  product: productSheetView,
  visit: visitView,
  card: cardView,
  allocation: allocationView,
  envelope: null,
  labels: null,
  pack: null,
  // Made from the reports' figures (reports.ts), not from one customer's view input.
  'weekly-report': null,
  'customer-report': null,
  greeting: null,
  agenda: null,
};

function notRenderable(kind: ViewKind): DataError {
  return new DataError(`模板类型「${kind}」不能用 render 单独生成`, { code: 'mailing-only' });
}

/** The view a template of `kind` receives, parsed through its schema so no extra key gets through. */
export function buildView(kind: ViewKind, input: ViewInput): unknown {
  const build = BUILDERS[kind];
  if (!build) throw notRenderable(kind);
  const schema = VIEW_SCHEMAS[kind];
  // A deal whose file has an error (a product or tier that is not there) would print another
  // product, or a price of nothing: every document refuses it, with the file's errors.
  const dealErrors = input.deal ? recordErrors(input.data, input.deal) : [];
  if (dealErrors.length > 0) throw new DataError(`方案「${input.deal?.id}」有错误，不能用来生成文书：\n${dealErrors.map(formatIssue).join('\n')}`);
  // A deal that breaks a rule of domain.md §9 goes out on no paper to the customer.
  const violations = input.deal && EXTERNAL_VIEWS.includes(kind) ? complianceIssues(input.data, input.customer, input.deal) : [];
  if (violations.length > 0) {
    throw new DataError(`方案「${input.deal?.id}」不合规，不能生成对外文书：\n${violations.map(formatIssue).join('\n')}`, { code: 'compliance', issues: violations });
  }
  try {
    return schema.parse(build(input));
  } catch (e) {
    // Sums past what money can hold are the data's fault, not ours.
    if (e instanceof MoneyOverflowError) {
      throw new DataError(`${input.deal ? `方案「${input.deal.id}」` : ''}算不出来：${e.message}`, { hint: '检查方案和产品里的数量、价格是否多写了位数', cause: e });
    }
    throw e;
  }
}

/** The commission's payee as kin or a close associate of the unit's deciders, if so. */
const tieOf = (deal: Deal, customer: Customer) => deal.commission && commissionTie(deal.commission.to, customer.intermediary, customer.contacts);

/** The compliance rules a deal breaks, each at the deal's field it concerns (file:line:field). */
export function complianceIssues(data: DataSet, customer: Customer, deal: Deal): Issue[] {
  const source = data.sourceOf(deal);
  return withPricing(
    () =>
      complianceChecks(deal, customer.system, priceDeal(deal, data.products), data.policies, tieOf(deal, customer))
        .filter((c) => !c.pass)
        .map((c) => {
          const message = `违反「${c.rule}」：${c.detail}`;
          if (!source) return { severity: 'error' as const, file: '', line: 0, column: 0, field: c.at.join('.'), label: '', message, rule: 'compliance' };
          return issueAt(source, dealSchema, c.at, 'error', 'compliance', message);
        }),
    locator(data),
  );
}

/**
 * The open deal of a customer (草拟 / 已发送 / 洽谈中) that is still valid, newest first; with a
 * festival, only a deal for that festival and year (a letter offers that festival's deal).
 */
export function openDeal(data: DataSet, customer: Customer, today: IsoDate, festival?: { name: string; year: number }): Deal | undefined {
  return openDeals(data, customer, today, festival)[0];
}

/** Every open deal of a customer, as openDeal ranks them. */
export function openDeals(data: DataSet, customer: Customer, today: IsoDate, festival?: { name: string; year: number }): Deal[] {
  return [...data.deals.values()]
    .filter(
      (d) =>
        d.customer === customer.id &&
        ['草拟', '已发送', '洽谈中'].includes(d.status) &&
        compareIso(d.validUntil, today) >= 0 &&
        (!festival || (d.occasion === festival.name && d.year === festival.year)),
    )
    .sort((a, b) => compareIso(b.validUntil, a.validUntil));
}
