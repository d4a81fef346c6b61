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

const eventView = z.object({ what: s, date: dateView, daysAway: z.number(), when: s });

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
  events: z.array(eventView),
});

const visitRecordView = z.object({ date: dateView, mode: s, by: s, met: opt(s), outcome: s, nextStep: opt(s) });

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
  deal: opt(dealPublicView),
  products: z.array(productView),
  questions: z.array(z.object({ question: s, answer: s })),
  materials: z.array(s),
  checklist: z.array(s),
  visits: z.array(visitRecordView),
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
});

export const cardViewSchema = z.object({
  today: dateView,
  company: companyView,
  customer: customerInternalView,
  cards: z.array(cardView),
});

const complianceView = z.object({ rule: s, pass: z.boolean(), result: s, detail: s });

export const allocationViewSchema = z.object({
  today: dateView,
  company: companyView,
  customer: customerInternalView,
  deal: dealPublicView.extend({ status: s }),
  unitDiscount: moneyView,
  tiers: z.array(allocationTierView.extend({ valueEach: moneyView, value: moneyView })),
  welfareTotal: moneyView,
  allocationMismatch: opt(s),
  commission: opt(z.object({ to: s, rate: s, agreement: s, booked: s, amount: moneyView })),
  gifts: z.array(z.object({ item: s, quantity: z.number(), valueEach: moneyView, total: moneyView, recipient: s })),
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
};

/** Whether a template of this kind may be handed to the customer: decided for every kind. */
const MAY_GO_OUT: Readonly<Record<ViewKind, boolean>> = {
  proposal: true,
  product: true,
  letter: true,
  envelope: true,
  labels: true,
  visit: false,
  card: false,
  allocation: false,
  pack: false,
};

/** The kinds an external template may use. */
export const EXTERNAL_VIEWS: readonly ViewKind[] = VIEW_KINDS.filter((kind) => MAY_GO_OUT[kind]);
