// What each template kind receives. The schemas are the contract between view builders and
// templates: the linter checks every template path against them, and every built view is
// parsed through its schema, which drops any key the schema lacks. So the external views
// (proposal, product, letter, envelope) cannot carry a private field: it has no name here.
import { z } from 'zod';
import { VIEW_KINDS, type ViewKind } from '../template/frontmatter.ts';

const s = z.string();
const opt = <T extends z.ZodType>(t: T) => t.optional();

export const moneyView = z.object({
  fen: z.number().int(),
  /** ¥12,345.00 */
  text: s,
  /** 人民币大写 */
  words: s,
});

export const dateView = z.object({
  iso: s,
  /** 2026年11月24日 */
  text: s,
  /** 2026年11月24日 星期二 */
  week: s,
});

const staffView = z.object({ name: s, title: opt(s), mobile: opt(s), phone: opt(s), email: opt(s) });

export const companyView = z.object({
  name: s,
  shortName: s,
  address: s,
  postcode: s,
  hotline: s,
  phone: opt(s),
  fax: opt(s),
  website: opt(s),
  email: opt(s),
  contacts: z.array(staffView),
  brandStory: s,
  promises: z.object({ delivery: s, breakage: s, quality: s }),
  bank: opt(z.object({ accountName: s, bankName: s, account: s })),
  /** Licences, each with its number and (when it has one) the day it runs out. */
  qualifications: z.array(z.object({ name: s, number: s, validUntil: opt(dateView) })),
  /** The invoices we issue (增值税专用发票、增值税普通发票) and the VAT rate in the prices (13%). */
  invoice: opt(z.object({ types: s, vatRate: s })),
  paymentTerms: opt(s),
  taxId: opt(s),
  logo: opt(s),
  seal: opt(s),
});

export const productView = z.object({
  id: s,
  name: s,
  series: opt(s),
  aroma: s,
  abv: s,
  /** 高度 / 中度 / 低度 */
  strength: s,
  volumeMl: z.number(),
  bottlesPerCase: z.number(),
  /** 53%vol 500ml × 6 瓶/箱 */
  spec: s,
  grade: s,
  process: opt(s),
  retailPrice: moneyView,
  priceTiers: z.array(z.object({ minBottles: z.number(), quantity: s, price: moneyView, discount: s })),
  /** On a deal's papers: the one price the deal's quantity of this product reaches, as its price table has it. */
  dealPrice: opt(z.object({ quantity: s, price: moneyView, discount: s })),
  fab: z.array(z.object({ feature: s, advantage: s, benefit: s })),
  tasting: opt(z.object({ color: s, aroma: s, taste: s })),
  uses: s,
  /**
   * With 同价位同类产品: the product compared with (comparedWith) is internal and has no name here.
   * Ends with the 团购价 row when the product has a peerPrice: ours is the deal's price, else the tiers' range.
   */
  comparisons: z.array(z.object({ aspect: s, ours: s, others: s })),
});

const welfareView = z.object({ year: z.number(), festival: s, items: s, budget: opt(moneyView) });

/** The unit as a customer-facing document may name it: nothing we learned about it (domain.md §12). */
const customerPublicView = z.object({
  name: s,
  system: s,
  address: s,
  postcode: opt(s),
  headcount: opt(z.number()),
});

const dealLineView = z.object({
  no: z.number(),
  product: s,
  spec: s,
  quantity: s,
  bottles: z.number(),
  retailPrice: moneyView,
  groupPrice: moneyView,
  /** 12.5% */
  discount: s,
  subtotal: moneyView,
});

const allocationTierView = z.object({ tier: s, people: z.number(), bottlesEach: z.number(), bottles: z.number(), product: s });

export const dealPublicView = z.object({
  id: s,
  /** 2027年春节 or 会议 */
  occasion: s,
  /** 2027年春节 when the deal is for a festival. */
  festival: opt(s),
  /** 福利 招待 礼品 会议 婚宴: what the wine is for, each worded as itself. */
  purpose: s,
  /** The invoice the deal promises, when it names one. */
  invoice: opt(s),
  /** The deal's payment terms, else the company's. */
  paymentTerms: opt(s),
  validUntil: dateView,
  lines: z.array(dealLineView),
  bottles: z.number(),
  /** 共 12 箱 144 瓶 */
  quantity: s,
  retailTotal: moneyView,
  groupTotal: moneyView,
  extraDiscountRate: opt(s),
  extraDiscount: opt(moneyView),
  total: moneyView,
  savings: moneyView,
  allocation: z.array(allocationTierView),
  allocationPeople: z.number(),
  allocationBottles: z.number(),
});

export const proposalViewSchema = z.object({
  today: dateView,
  company: companyView,
  customer: customerPublicView,
  /** Who the proposal is handed to: name and title only. */
  recipient: opt(z.object({ name: s, title: opt(s) })),
  /** The unit has bought from us: only then is it thanked for its support (domain.md §13). */
  hasBought: z.boolean(),
  deal: dealPublicView,
  /** A welfare allocation that covers fewer or more people than the unit's headcount. */
  coverage: opt(z.object({ people: z.number(), headcount: z.number(), short: z.number(), extra: z.number(), tier: s, bottlesEach: z.number(), addBottles: z.number() })),
  /** Our account manager for the unit, who signs the quote. */
  contact: staffView,
  products: z.array(productView),
  qr: s,
});

export const productSheetViewSchema = z.object({
  today: dateView,
  company: companyView,
  product: productView,
  qr: s,
});

// ---------- internal views ----------

/** A birthday or anniversary near the visit; `onVisitDay` when it falls on the visit day itself, `mourning` when the family is bereaved (not to be congratulated). */
const eventView = z.object({ what: s, date: dateView, daysAway: z.number(), when: s, onVisitDay: z.boolean(), mourning: z.boolean() });

const personView = z.object({
  name: s,
  role: s,
  title: opt(s),
  rank: opt(s),
  vip: s,
  mobile: opt(s),
  officePhone: opt(s),
  wechat: opt(s),
  hobbies: opt(s),
  /** Why the person is on the sheet besides the role: met on the last visits, named in the deal. */
  why: opt(s),
  /** 今日生日 (or 今日结婚纪念日 …) when a date of theirs or their family's is the visit day. */
  todayMark: opt(s),
  events: z.array(eventView),
});

/** `overdue`: the next step agreed on this visit, its date past with no visit since (已逾期 3 天). */
const visitRecordView = z.object({ date: dateView, mode: s, by: s, met: opt(s), outcome: s, nextStep: opt(s), nextDate: opt(dateView), overdue: opt(s) });

const customerInternalView = customerPublicView.extend({
  pastWelfare: z.array(welfareView),
  id: s,
  status: s,
  class: opt(s),
  classLabel: s,
  phone: opt(s),
  website: opt(s),
  economy: opt(s),
  welfareEmphasis: opt(s),
  chance: opt(s),
  accountManager: opt(s),
  expectedAnnualPurchase: opt(moneyView),
  lastWelfare: opt(welfareView),
  intermediary: opt(z.object({ name: s, relation: s, mobile: opt(s), agreement: opt(s) })),
  notes: opt(s),
});

export const visitViewSchema = z.object({
  today: dateView,
  visitDate: dateView,
  company: companyView,
  customer: customerInternalView,
  people: z.array(personView),
  purpose: s,
  /** The step of the sale this visit is at: 了解需求 … 回访. */
  stage: s,
  deal: opt(dealPublicView.extend({ status: s })),
  products: z.array(productView),
  questions: z.array(z.object({ question: s, answer: s })),
  materials: z.array(s),
  checklist: z.array(s),
  visits: z.array(visitRecordView),
  purchases: z.array(z.object({ date: dateView, product: s, bottles: z.number(), amount: moneyView, buyer: opt(s) })),
  /** After-sales complaints, newest first; status 已办结 or 未办结. */
  complaints: z.array(z.object({ date: dateView, issue: s, product: opt(s), handling: opt(s), status: s, open: z.boolean() })),
  /** Money the unit owes; `state`: 已逾期 N 天 / N 天后到期 / 今天到期, on the visit day. */
  receivables: z.array(z.object({ source: s, amount: moneyView, due: dateView, state: s, overdue: z.boolean() })),
  receivablesTotal: opt(moneyView),
  plan: z.array(z.object({ no: z.number(), date: dateView, purpose: s })),
  noteLines: z.number(),
});

/** The fields of domain.md §5, exactly, for one contact; then role, WeChat id and VIP. */
export const cardView = z.object({
  name: s,
  unit: s,
  officePhone: s,
  homePhone: s,
  class: s,
  unitAddress: s,
  title: s,
  unitPostcode: s,
  homeAddress: s,
  mobile: s,
  homePostcode: s,
  website: s,
  anniversary: s,
  email: s,
  birthday: s,
  family: s,
  hobbies: s,
  familyHobbies: s,
  purchasedProducts: s,
  notes: s,
  role: s,
  wechat: s,
  vip: s,
  vipReasons: s,
  /** The card as the archive keeps it (domain.md §5): who filled it in and when, its last update, the 主管's review. */
  filledBy: s,
  filledOn: s,
  updatedOn: s,
  reviewedBy: s,
  reviewedOn: s,
});

export const cardViewSchema = z.object({
  today: dateView,
  company: companyView,
  customer: customerInternalView,
  cards: z.array(cardView),
});

const complianceView = z.object({ rule: s, pass: z.boolean(), warning: z.boolean(), result: s, detail: s });
/** A mark on a line of the allocation that breaks a rule (违规) or is warned about (注意), with why. */
const rowMark = opt(s);

export const allocationViewSchema = z.object({
  today: dateView,
  company: companyView,
  customer: customerInternalView,
  deal: dealPublicView.extend({ status: s, extraDiscountMark: rowMark }),
  unitDiscount: moneyView,
  tiers: z.array(allocationTierView.extend({ valueEach: moneyView, value: moneyView })),
  welfareTotal: moneyView,
  allocationMismatch: opt(s),
  commission: opt(z.object({ to: s, rate: s, agreement: s, booked: s, amount: moneyView, mark: rowMark })),
  gifts: z.array(z.object({ item: s, quantity: z.number(), valueEach: moneyView, total: moneyView, recipient: s, mark: rowMark })),
  tasting: z.array(z.object({ product: s, bottles: z.number(), costEach: moneyView, total: moneyView })),
  activities: z.array(z.object({ kind: s, cost: moneyView })),
  costs: z.object({
    products: moneyView,
    commission: moneyView,
    gifts: moneyView,
    tasting: moneyView,
    activities: moneyView,
    total: moneyView,
  }),
  margin: moneyView,
  marginRate: s,
  minMargin: s,
  marginBelowPolicy: z.boolean(),
  compliance: z.array(complianceView),
  violations: z.number(),
  warnings: z.number(),
});

export const letterViewSchema = z.object({
  today: dateView,
  /** The letter's date: the mailing date of the festival's plan, or today once that is past. */
  date: dateView,
  company: companyView,
  festival: z.object({ name: s, year: z.number(), date: dateView }),
  /** salutation: without 副 (尊敬的乔局长); title: in full. hasBought: the unit has bought from us, so may be thanked. */
  recipient: z.object({ unit: s, name: opt(s), title: opt(s), salutation: s, hasBought: z.boolean() }),
  /** dealPrice: the offer's price for the quantity it offers; groupFrom: the lowest tier, for a product not in an offer. */
  products: z.array(z.object({ name: s, spec: s, aroma: s, retailPrice: moneyView, groupFrom: moneyView, dealPrice: opt(moneyView), highlight: opt(s) })),
  offer: opt(z.object({ occasion: s, quantity: s, total: moneyView, validUntil: dateView })),
  qr: s,
});

/**
 * A birthday card, a letter of congratulation or of sympathy to one person (built in
 * greeting.ts). External: the occasion as the reader knows it, never the internal note on it.
 */
export const greetingViewSchema = z.object({
  today: dateView,
  /** The day it is posted: three days before its occasion, or today once that is past. */
  date: dateView,
  company: companyView,
  /** 生日, 贺信 or 慰问. */
  kind: s,
  /** The event (升职 … 丧事), or 生日. */
  occasion: s,
  /** The occasion's day. */
  on: dateView,
  /** 令尊, 令爱 …: whose occasion it is when not the reader's own. */
  relative: opt(s),
  /** salutation: without 副 (尊敬的乔局长); title: in full. */
  recipient: z.object({ unit: s, name: s, title: opt(s), salutation: s }),
  /** A 党政 / 执法 / 军警 unit: the paper carries no gift and no offer (domain.md §9, §13). */
  official: z.boolean(),
  /** The unit has bought from us, so may be thanked (a prospect never is). */
  hasBought: z.boolean(),
  qr: s,
});

// ---------- internal: the printable agenda (built in app/agenda.ts) ----------

export const agendaViewSchema = z.object({
  today: dateView,
  from: dateView,
  to: dateView,
  manager: opt(s),
  count: z.number(),
  /** 逾期 first, then each day, then what has no day (尽快). */
  groups: z.array(z.object({ title: s, items: z.array(z.object({ kind: s, when: opt(s), unit: s, person: s, why: s })) })),
  /** Customer files with errors, left out of the list. */
  skipped: z.array(s),
});

// ---------- envelopes and address labels (built in envelope.ts) ----------

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
  /** The envelope of a condolence or sympathy letter: no red on it. */
  muted: z.boolean().optional(),
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

export const packViewSchema = z.object({
  today: dateView,
  visitDate: dateView,
  company: companyView,
  customer: customerInternalView,
  parts: z.array(z.object({ no: z.number(), title: s, audience: s })),
});

// ---------- the department head's reports (built in reports.ts; internal) ----------

const n = z.number();

const managerRowView = z.object({
  manager: s,
  visits: n,
  /** 登门, 电话, 邮寄, 品鉴会 */
  byMode: z.object({ call: n, phone: n, mail: n, tasting: n }),
  newContacts: n,
  newCustomers: n,
  quoted: n,
  won: n,
  lost: n,
  wonProspects: n,
  bottles: n,
  revenue: moneyView,
  cost: moneyView,
  margin: moneyView,
  /** "23.5%", or "—" without revenue. */
  marginRate: s,
});

const reportVisitView = z.object({ date: dateView, customer: s, mode: s, by: s, met: s, outcome: s, nextStep: s });

export const weeklyReportViewSchema = z.object({
  today: dateView,
  company: companyView,
  /** 2026年第49周, or the dates when the range is not a week. */
  period: s,
  from: dateView,
  to: dateView,
  /** The day the pipeline and the overdue visits are taken on. */
  asOf: dateView,
  /** 全体客户经理, or the one manager's name. */
  scope: s,
  managers: z.array(managerRowView),
  total: managerRowView,
  targets: z.array(z.object({ manager: s, period: s, measure: s, through: dateView, target: s, actual: s, share: s })),
  visits: z.array(reportVisitView),
  stages: z.array(z.object({ date: dateView, deal: s, customer: s, manager: s, stage: s, total: s, reason: s })),
  pipelineCounts: z.object({ red: n, yellow: n, green: n }),
  pipeline: z.array(z.object({ customer: s, manager: s, colour: s, why: s, expected: s, lastVisit: s })),
  overdue: z.array(z.object({ customer: s, manager: s, class: s, intervalDays: n, lastVisit: s, days: s })),
});

export const customerReportViewSchema = z.object({
  today: dateView,
  company: companyView,
  customer: customerInternalView,
  hasPurchases: z.boolean(),
  purchases: n,
  bottles: n,
  amount: moneyView,
  byFestival: z.array(z.object({ year: n, festival: s, bottles: n, amount: moneyView, perHead: s })),
  byYear: z.array(z.object({ year: n, bottles: n, amount: moneyView, change: s })),
  products: z.array(z.object({ name: s, bottles: n, amount: moneyView, share: s })),
  payments: z.array(z.object({ method: s, purchases: n, amount: moneyView })),
  window: z.object({ from: dateView, to: dateView }),
  revenue: moneyView,
  /** A类（第 2 名，共 9 家现有客户） or 潜在客户，不参加 80/20 分级 */
  revenueClass: s,
  /** Absent for a prospect. */
  revenueShare: opt(s),
  expectedClass: s,
  colour: opt(z.object({ colour: s, why: s })),
  people: z.array(z.object({ name: s, title: s, role: s, vip: s })),
  visits: z.array(reportVisitView),
  recommendations: z.array(s),
});

export type WeeklyReportView = z.output<typeof weeklyReportViewSchema>;
export type CustomerReportView = z.output<typeof customerReportViewSchema>;
export type MoneyView = z.output<typeof moneyView>;
export type DateView = z.output<typeof dateView>;
export type CompanyView = z.output<typeof companyView>;
export type ProductView = z.output<typeof productView>;
export type DealPublicView = z.output<typeof dealPublicView>;
export type ProposalView = z.output<typeof proposalViewSchema>;
export type ProductSheetView = z.output<typeof productSheetViewSchema>;
export type VisitView = z.output<typeof visitViewSchema>;
export type CardView = z.output<typeof cardViewSchema>;
export type AllocationView = z.output<typeof allocationViewSchema>;
export type LetterView = z.output<typeof letterViewSchema>;
export type EnvelopeView = z.output<typeof envelopeViewSchema>;
export type GreetingView = z.output<typeof greetingViewSchema>;
export type AgendaView = z.output<typeof agendaViewSchema>;
export type LabelsView = z.output<typeof labelsViewSchema>;
export type Label = LabelsView['labels'][number];

/** The schema each template kind is linted against and its view parsed through: one for every kind. */
export const VIEW_SCHEMAS: Readonly<Record<ViewKind, z.ZodType>> = {
  proposal: proposalViewSchema,
  product: productSheetViewSchema,
  visit: visitViewSchema,
  card: cardViewSchema,
  allocation: allocationViewSchema,
  pack: packViewSchema,
  letter: letterViewSchema,
  envelope: envelopeViewSchema,
  labels: labelsViewSchema,
  'weekly-report': weeklyReportViewSchema,
  'customer-report': customerReportViewSchema,
  greeting: greetingViewSchema,
  agenda: agendaViewSchema,
};

/** Whether a template of this kind may be handed to the customer: decided for every kind. */
const MAY_GO_OUT: Readonly<Record<ViewKind, boolean>> = {
  proposal: true,
  product: true,
  letter: true,
  envelope: true,
  labels: true,
  greeting: true,
  agenda: false,
  visit: false,
  card: false,
  allocation: false,
  pack: false,
  'weekly-report': false,
  'customer-report': false,
};

/** The kinds an external template may use. */
export const EXTERNAL_VIEWS: readonly ViewKind[] = VIEW_KINDS.filter((kind) => MAY_GO_OUT[kind]);
