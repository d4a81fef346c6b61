// The data model: one zod schema per data file, with every field's Chinese label.
// Types come from the schemas (z.output), never from hand-written twins.
import { z } from 'zod';
import { FESTIVAL_YEARS, FESTIVALS } from '../domain/festivals.ts';
import { RANKS, SYSTEMS } from '../domain/classify.ts';
import { DEAL_STAGES } from '../domain/deal-stages.ts';
import { parsePeriod } from '../domain/periods.ts';
import { EVENT_KINDS } from '../domain/greetings.ts';
import { PURPOSES } from '../domain/deal.ts';
import {
  calendarDate, decimal, email, plainText, int, isoDate, list, mobile, money, multiline, oneOf, percent, phone, postcode, record, tags, text, url, wechat, yesNo,
} from './fields.ts';

export { SYSTEMS, type UnitSystem } from '../domain/classify.ts';
export const AROMAS = ['浓香', '清香', '米香', '酱香', '兼香'] as const;
export const ROLES = ['决策人', '业务负责人', '办公室主任', '工会主席', '采购', '其他'] as const;
export const VISIT_MODES = ['登门', '电话', '邮寄', '品鉴会'] as const;
export const USES = ['福利', '招待', '礼品'] as const;
export const OCCASIONS = [...FESTIVALS, '招待', '礼品', '婚宴', '会议'] as const;
export { PURPOSES } from '../domain/deal.ts';
export const INVOICE_TYPES = ['增值税专用发票', '增值税普通发票'] as const;
export const DEAL_STATUSES = ['草拟', '已发送', '洽谈中', '已成交', '已失效'] as const;
export const LEVELS = ['高', '中', '低'] as const;
/** Papers a unit may require of a supplier (资质) before it buys; the visit sheet lists them to bring. */
export const QUALIFICATIONS = ['营业执照', '食品经营许可证', '检验报告', '经销授权书'] as const;
/** A customer id; safe as a file name, so customers/<id>.yaml is where one is looked for first. */
export const CUSTOMER_ID = /^[a-z0-9][a-z0-9-]*$/;

// Ranges shared by several fields. Money maxima keep a price times a count of bottles, and the
// sums of a deal, well inside what integer fen can hold (2^53 fen ≈ 90 万亿元).
const BOTTLES = { min: 1, max: 1_000_000, unit: '瓶' };
const PEOPLE = { min: 1, max: 10_000_000, unit: '人' };
/** The years the lunar calendar and the festival dates are known for. */
const YEARS = { min: FESTIVAL_YEARS.first, max: FESTIVAL_YEARS.last, unit: '年' };
/** A price or cost of one bottle or item. */
const PRICE_YUAN = 1_000_000;
/** A budget, a purchase, a threshold. */
const AMOUNT_YUAN = 10_000_000_000;

// ---------- company.yaml ----------

const staffContact = record('团购部联系人', {
  name: text('姓名'),
  title: text('职务').optional(),
  mobile: mobile('手机').optional(),
  phone: phone('办公电话').optional(),
  email: email('邮箱').optional(),
});

export const companySchema = record('公司', {
  name: plainText('公司名称'),
  shortName: text('简称').optional(),
  address: plainText('公司地址'),
  postcode: postcode('邮编'),
  hotline: phone('团购热线'),
  phone: phone('总机').optional(),
  fax: phone('传真').optional(),
  website: url('网址').optional(),
  email: email('邮箱').optional(),
  salesContacts: list('团购部联系人', staffContact).min(1, '至少需要一位团购部联系人'),
  brandStory: multiline('品牌故事'),
  promises: record('服务承诺', {
    delivery: multiline('配送承诺'),
    breakage: multiline('破损调换'),
    quality: multiline('质量保证'),
  }),
  bank: record('开户信息', {
    accountName: text('户名'),
    bankName: text('开户行'),
    account: text('账号').regex(/^[\d ]{8,30}$/, '账号应为数字'),
  }).optional(),
  /** The licences a purchasing office files with a quote (营业许可、食品经营许可 …). */
  qualifications: list('资质', record('资质', {
    name: text('证照名称'),
    number: text('证照编号'),
    validUntil: isoDate('有效期至').optional(),
  })).optional(),
  invoice: record('发票', {
    types: list('可开发票', oneOf('发票类型', INVOICE_TYPES)).min(1, '至少写一种可开的发票'),
    vatRate: percent('增值税税率（%）'),
  }).optional(),
  /** The terms a deal offers unless it states its own. */
  paymentTerms: multiline('付款方式').optional(),
  taxId: text('纳税人识别号').regex(/^[0-9A-Z]{15,20}$/, '纳税人识别号应为 15–20 位数字或大写字母').optional(),
  logo: text('标志图片').optional(),
  seal: text('公章图片').optional(),
});

// ---------- products/*.yaml ----------

const groupPriceTier = record('团购价档位', {
  minBottles: int('起订瓶数', BOTTLES),
  price: money('团购价（元/瓶）', PRICE_YUAN),
});

export const productSchema = record('产品', {
  id: text('产品编号').regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, '编号只用字母、数字和连字符'),
  name: text('产品名称'),
  series: text('系列').optional(),
  aroma: oneOf('香型', AROMAS),
  abv: decimal('度数', { min: 1, max: 100, unit: '度' }),
  volumeMl: int('容量（毫升）', { min: 1, max: 50_000, unit: '毫升' }),
  bottlesPerCase: int('每箱瓶数', { min: 1, max: 100, unit: '瓶' }),
  grade: oneOf('档次', ['高端', '中端', '大众']),
  process: text('工艺').optional(),
  retailPrice: money('零售价（元/瓶）', PRICE_YUAN),
  groupPrices: list('团购价', groupPriceTier).min(1, '至少需要一档团购价'),
  costPrice: money('成本价（元/瓶）', PRICE_YUAN),
  fab: list(
    'FAB 卖点',
    record('卖点', {
      feature: multiline('特点'),
      advantage: multiline('优势'),
      benefit: multiline('利益'),
      /** A point written for some purposes only (职工 and 福利 read wrong in a 会议 proposal); absent: every purpose. */
      purposes: list('适用用途', oneOf('用途', PURPOSES)).optional(),
    }),
  ).optional(),
  tasting: record('品鉴', { color: multiline('色'), aroma: multiline('香'), taste: multiline('味') }).optional(),
  uses: list('适用场合', oneOf('适用场合', USES)).optional(),
  /** The product the comparisons were made with: an internal reference, never printed (domain.md §12). */
  comparedWith: text('对比对象（内部）').optional(),
  /** What 同价位同类产品 cost a unit a bottle: the proposal sets it beside our price for the quantity. */
  peerPrice: money('同类产品团购价（元/瓶）', PRICE_YUAN).optional(),
  comparisons: list('同类对比', record('对比项', { aspect: text('对比方面'), ours: text('本品'), others: text('同类产品') })).optional(),
});

// ---------- customers/*.yaml ----------

const familyMember = record('家庭成员', {
  relation: text('关系'),
  name: text('姓名').optional(),
  birthday: calendarDate('生日').optional(),
  hobbies: tags('爱好').optional(),
});

const approval = record('审批', { by: text('审批人'), date: isoDate('日期') });

/** Who filled in the contact's card and when, its last update, and the 主管's review (domain.md §5). */
const cardRecord = record('建卡信息', {
  filledBy: text('填卡人'),
  filledOn: isoDate('建卡日期'),
  updatedOn: isoDate('最近更新').optional(),
  reviewedBy: text('主管审核人').optional(),
  reviewedOn: isoDate('审核日期').optional(),
});

export const contactSchema = record('联系人', {
  name: plainText('联系人姓名'),
  role: oneOf('联系人角色', ROLES),
  title: text('职务').optional(),
  /** On the ladder of the unit's system (domain/ranks.ts), which the rules check. */
  rank: text('级别').optional(),
  gender: oneOf('性别', ['男', '女']).optional(),
  /** How a letter addresses the person, after 尊敬的: for names whose surname cannot be told (巴特尔局长). */
  salutation: plainText('称呼').optional(),
  officePhone: phone('办公电话').optional(),
  homePhone: phone('宅电').optional(),
  mobile: mobile('手机').optional(),
  /** Reached by WeChat as much as by phone (domain.md §15); not a phone, so it does not satisfy no-phone. */
  wechat: wechat('微信号').optional(),
  email: email('邮箱').optional(),
  homeAddress: plainText('家庭住址').optional(),
  homePostcode: postcode('家庭邮编').optional(),
  birthday: calendarDate('生日').optional(),
  anniversary: calendarDate('结婚纪念日').optional(),
  family: list('家庭成员', familyMember).optional(),
  hobbies: tags('本人爱好').optional(),
  purchasedProducts: list('购买过的产品', text('产品编号')).optional(),
  notes: multiline('备注').optional(),
  vip: record('VIP', { nominatedBy: text('推荐人').optional(), nominatedOn: isoDate('推荐日期').optional(), approval: approval.optional() }).optional(),
  card: cardRecord.optional(),
});

const pastWelfare = record('往年福利', {
  year: int('年份', YEARS),
  festival: oneOf('节日', FESTIVALS),
  items: text('发放内容'),
  budget: money('预算', AMOUNT_YUAN).optional(),
});

export const PAYMENTS = ['转账', '现金', '支票', '承兑汇票', '公务卡', '挂账'] as const;

const purchase = record('购买记录', {
  date: isoDate('日期'),
  product: text('产品编号'),
  bottles: int('瓶数', BOTTLES),
  amount: money('金额', AMOUNT_YUAN),
  buyer: text('经办人').optional(),
  /** How the unit paid: the customer evaluation reports it. */
  payment: oneOf('付款方式', PAYMENTS).optional(),
  /** The deal it was bought under: its festival is the purchase's (a 春节 order may come before 元旦). */
  deal: text('方案编号').optional(),
});

const visit = record('拜访记录', {
  date: isoDate('日期'),
  mode: oneOf('方式', VISIT_MODES),
  by: text('拜访人'),
  met: tags('会见对象').optional(),
  outcome: multiline('结果'),
  nextStep: multiline('下一步').optional(),
  nextDate: isoDate('下次日期').optional(),
});

/** Something that happened to a contact or the unit, which a letter answers (tuangou greetings). */
const event = record('大事', {
  date: isoDate('日期'),
  /** The contact the letter goes to: for 开业 and 周年 the unit's, for a child's 婚嫁 or 升学 the parent. */
  person: text('人'),
  kind: oneOf('事由', EVENT_KINDS),
  /** Whose occasion it is when not the person's own (儿子, 母亲): the letter names them (令郎, 令堂). */
  relative: text('亲属').optional(),
  /** Internal: never printed on a letter. */
  note: multiline('备注（内部）').optional(),
});

/** An after-sales complaint and how it was handled (domain.md §7.6: read before going in). Internal. */
const complaint = record('售后投诉', {
  date: isoDate('日期'),
  issue: multiline('投诉内容'),
  product: text('产品编号').optional(),
  handling: multiline('处理情况').optional(),
  closed: yesNo('已办结').optional(),
});

/** Money the unit owes us, for a deal or a delivery on a date; in yuan like every amount. Internal. */
const receivable = record('应收欠款', {
  deal: text('方案编号').optional(),
  date: isoDate('发生日期').optional(),
  amount: money('金额', AMOUNT_YUAN),
  due: isoDate('约定付款日'),
});

const intermediary = record('中介人', {
  name: text('姓名'),
  relation: text('与单位关系'),
  mobile: mobile('手机').optional(),
  agreement: text('居间协议编号').optional(),
});

export const customerSchema = record('客户', {
  id: text('客户编号').regex(CUSTOMER_ID, '编号只用小写字母、数字和连字符'),
  name: plainText('单位名称'),
  system: oneOf('所属系统', SYSTEMS),
  status: oneOf('客户状态', ['现有', '潜在']),
  address: plainText('单位地址'),
  postcode: postcode('邮编').optional(),
  phone: phone('单位电话').optional(),
  website: url('单位网址').optional(),
  headcount: int('职工人数', PEOPLE).optional(),
  economy: oneOf('效益', ['好', '较好', '一般', '较差']).optional(),
  welfareEmphasis: oneOf('福利重视程度', LEVELS).optional(),
  pastWelfare: list('往年福利', pastWelfare).optional(),
  expectedAnnualPurchase: money('预计年采购额', AMOUNT_YUAN).optional(),
  chance: oneOf('成功机会', LEVELS).optional(),
  accountManager: text('客户经理').optional(),
  intermediary: intermediary.optional(),
  contacts: list('联系人', contactSchema).min(1, '至少需要一位联系人'),
  purchases: list('购买记录', purchase).optional(),
  visits: list('拜访记录', visit).optional(),
  events: list('大事记', event).optional(),
  questions: list('常见问题', record('问答', { question: multiline('问题'), answer: multiline('回答') })).optional(),
  notes: multiline('备注').optional(),
  requires: list('资质要求', oneOf('资质文件', QUALIFICATIONS)).optional(),
  complaints: list('售后投诉', complaint).optional(),
  receivables: list('应收欠款', receivable).optional(),
});

// ---------- deals/*.yaml ----------

const dealItem = record('产品明细', {
  product: text('产品编号'),
  cases: int('箱数', { min: 1, max: 100_000, unit: '箱' }).optional(),
  bottles: int('瓶数', BOTTLES).optional(),
}).refine((i) => (i.cases === undefined) !== (i.bottles === undefined), '箱数和瓶数填且只填一项');

const allocationTier = record('分配档', {
  tier: text('档次名称'),
  people: int('人数', PEOPLE),
  bottlesEach: int('每人瓶数', { min: 1, max: 100, unit: '瓶' }),
  product: text('产品编号').optional(),
});

const gift = record('赠品', {
  item: text('物品'),
  quantity: int('数量', { min: 1, max: 1_000_000, unit: '件' }),
  valueEach: money('单价（成本）', PRICE_YUAN),
  recipient: oneOf('受赠方', ['单位', '个人']),
  recipientRole: oneOf('受赠人角色', ROLES).optional(),
  recipientIsOfficial: yesNo('受赠人是公职人员').optional(),
});

/** One change of a deal's stage; a lost deal says why. */
const dealStage = record('阶段记录', {
  stage: oneOf('阶段', DEAL_STAGES),
  date: isoDate('日期'),
  reason: multiline('未成交原因').optional(),
});

export const dealSchema = record('方案', {
  id: text('方案编号').regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, '编号只用字母、数字和连字符'),
  customer: text('客户编号'),
  occasion: oneOf('场合', OCCASIONS),
  /** What the wine is for, when a festival buys other than staff welfare (春节的礼品). */
  purpose: oneOf('用途', PURPOSES).optional(),
  year: int('年份', YEARS).optional(),
  items: list('产品明细', dealItem).min(1, '至少需要一项产品'),
  allocation: list('人均分配', allocationTier).optional(),
  extraDiscount: percent('额外折让（%）').optional(),
  /** Who allowed an extra discount above the policy cap, and when: without it no external paper is made. */
  discountApproval: record('折让审批', { by: text('审批人'), date: isoDate('审批日期') }).optional(),
  invoice: oneOf('发票类型', INVOICE_TYPES).optional(),
  paymentTerms: multiline('付款方式').optional(),
  commission: record('中介佣金', {
    to: text('收款人'),
    rate: percent('佣金比例（%）'),
    agreement: text('书面协议编号').optional(),
    booked: yesNo('已入账').optional(),
  }).optional(),
  gifts: list('赠品', gift).optional(),
  tastingBottles: list('品鉴酒', record('品鉴酒', { product: text('产品编号'), bottles: int('瓶数', BOTTLES) })).optional(),
  activities: list('活动赞助', record('活动', { kind: oneOf('活动类型', ['员工活动赞助', '酒厂参观']), cost: money('费用', AMOUNT_YUAN) })).optional(),
  validUntil: isoDate('有效期至'),
  status: oneOf('状态', DEAL_STATUSES),
  /** The account manager the deal counts for in the weekly report; the customer's own when absent. */
  owner: text('负责人').optional(),
  /** Drafted, quoted, won or lost, each with its date; absent: the stage its status stands for, undated. */
  stages: list('阶段', dealStage).optional(),
  notes: multiline('备注').optional(),
})
  .refine((d) => !(FESTIVALS as readonly string[]).includes(d.occasion) || d.year !== undefined, {
    message: '节日场合需要同时写年份（year）',
    path: ['occasion'],
  })
  .refine((d) => d.purpose === undefined || (FESTIVALS as readonly string[]).includes(d.occasion) || d.purpose === d.occasion, {
    message: '场合不是节日时，用途就是场合本身：删去 purpose，或把场合改成节日',
    path: ['purpose'],
  });

// ---------- policies.yaml ----------

/** Days a customer of a class may go without a visit: at least one, at most a year. */
const visitInterval = (label: string) => int(label, { min: 1, max: 365, unit: '天' });

export const policiesSchema = record('政策', {
  // Checked here so `check` names the line; grading would otherwise fail inside a command.
  classThresholds: record('客户分级门槛', { A: money('A类', AMOUNT_YUAN), B: money('B类', AMOUNT_YUAN), C: money('C类', AMOUNT_YUAN) }).refine(
    (t) => t.A >= t.B && t.B >= t.C,
    '门槛应从高到低：A 类 ≥ B 类 ≥ C 类',
  ),
  vip: record('VIP 条件', {
    singlePurchase: money('单笔购买', AMOUNT_YUAN),
    monthlyPurchase: money('当月累计', AMOUNT_YUAN),
    minRank: oneOf('最低级别', RANKS),
  }),
  discountTiers: list('折让上限', record('折让档', { minBottles: int('起订瓶数', BOTTLES), maxExtraDiscount: percent('最高额外折让（%）') })),
  festivalLead: record('节日节奏', {
    mailDaysBefore: int('提前邮寄天数', { min: 1, max: 365, unit: '天' }),
    firstVisitFrom: int('首访最早（邮寄后天数）', { min: 0, max: 60, unit: '天' }),
    firstVisitTo: int('首访最晚（邮寄后天数）', { min: 0, max: 60, unit: '天' }),
    // Visits are a week apart: ten fill the two months before a festival and more.
    minVisits: int('最少拜访次数', { min: 1, max: 10, unit: '次' }),
  }).refine((l) => l.firstVisitFrom <= l.firstVisitTo, {
    // Checked here so `check` names the line; the mailing plan would otherwise fail after every letter is written.
    message: '首访最早不能晚于首访最晚（都按邮寄后第几天计）',
    path: ['firstVisitFrom'],
  }),
  minMargin: percent('最低毛利率（%）'),
  visitIntervalDays: record('拜访间隔（天）', {
    A: visitInterval('A类'),
    B: visitInterval('B类'),
    C: visitInterval('C类'),
    D: visitInterval('D类'),
  }).refine((v) => v.A <= v.B && v.B <= v.C && v.C <= v.D, '间隔应从 A 类到 D 类不减：A 类 ≤ B 类 ≤ C 类 ≤ D 类（越重要的客户拜访越勤）'),
  allocation: record('分配规则', {
    officialGiftLimit: money('公职人员礼品上限', PRICE_YUAN),
    maxCommission: percent('佣金上限（%）'),
  }),
  // 80/20 grading of existing customers (domain.md §3): A the top ~20 % of them, B the next ~30 %.
  revenueShares: record('按销售额分级（客户数的百分比）', { A: percent('A类'), B: percent('B类') }).refine(
    (r) => Number(r.A) + Number(r.B) <= 100,
    'A 类和 B 类合计不能超过 100（其余为 C 类）',
  ),
});

// ---------- targets.yaml ----------

/** A count a target sets for a period: at least one, at most what a team could do. */
const targetCount = (label: string, unit: string) => int(label, { min: 1, max: 100_000, unit });

/** The measures a target may set, in the order reports show them. */
export const TARGET_MEASURES = ['revenue', 'bottles', 'visits', 'newCustomers', 'wonProspects'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

const target = record('销售目标', {
  manager: text('客户经理'),
  // Whether it is a period does not depend on the policies' lead days; its range does.
  period: text('周期').superRefine((s, ctx) => {
    try {
      parsePeriod(s, 60);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  }),
  revenue: money('销售额（元）', AMOUNT_YUAN).optional(),
  bottles: int('销售瓶数', BOTTLES).optional(),
  visits: targetCount('拜访次数', '次').optional(),
  newCustomers: targetCount('新客户', '家').optional(),
  wonProspects: targetCount('潜在客户转为成交', '家').optional(),
}).refine((t) => TARGET_MEASURES.some((m) => t[m] !== undefined), '至少要定一项指标：revenue（销售额）、bottles（瓶数）、visits（拜访次数）、newCustomers（新客户）、wonProspects（潜在客户转为成交）');

export const targetsSchema = record('销售目标文件', {
  targets: list('销售目标', target),
});

export type Company = z.output<typeof companySchema>;
export type Product = z.output<typeof productSchema>;
export type Contact = z.output<typeof contactSchema>;
export type Customer = z.output<typeof customerSchema>;
export type Deal = z.output<typeof dealSchema>;
export type Policies = z.output<typeof policiesSchema>;
export type Target = z.output<typeof target>;
export type Targets = z.output<typeof targetsSchema>;
export type Role = (typeof ROLES)[number];
