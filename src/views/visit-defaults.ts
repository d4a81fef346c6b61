// The lists of a visit sheet (domain.md §7.4, §7.5) and the questions units of each system
// tend to ask, for customers whose file has none of their own.
import type { DataSet } from '../data/dataset.ts';
import type { UnitSystem } from '../data/schema.ts';
import type { VisitStep } from '../domain/visit-plan.ts';

/** What to bring (domain.md §7.4) for what the visit is to do, and for what this unit asks of us. */
export function materialsFor(v: {
  /** The steps the visit's purpose names, and the step the sale is at. */
  readonly steps: readonly VisitStep[];
  /** The products to talk about, for the samples. */
  readonly products: readonly string[];
  readonly deal?: string;
  /** The qualification papers the unit requires of a supplier. */
  readonly requires: readonly string[];
  /** Complaints not yet closed, to answer in person. */
  readonly openComplaints: readonly string[];
  /** What the unit owes in all, as printed. */
  readonly owed?: string | undefined;
}): string[] {
  const has = (step: VisitStep) => v.steps.includes(step);
  const products = v.products.join('、');
  return [
    '企业手册',
    '产品手册',
    '名片',
    ...(has('品鉴') ? [`样酒：${products}（包装干净、酒瓶无渗漏，宣传品无破损），品鉴杯`] : []),
    ...(has('方案') ? [`团购建议书${v.deal ? `（方案 ${v.deal}）` : ''}两份、价格表、订货单`, '利益分配政策（内部掌握，不交给客户）'] : []),
    ...(has('合同') ? [`供货合同草稿两份（${v.deal ? `方案 ${v.deal}，` : ''}按上次商定的条款改好）、订货单`] : []),
    ...(has('送货') ? ['送货单、签收单、分批送货地址清单'] : []),
    ...(has('回访') ? ['售后登记表'] : []),
    ...v.requires.map((paper) => `${paper}复印件（加盖公章）`),
    ...v.openComplaints.map((issue) => `未办结投诉的处理方案：${issue}`),
    ...(v.owed ? [`对账单和发票（应收合计 ${v.owed}）`] : []),
    '笔、笔记本、宣传单页',
  ];
}

export const CHECKLIST: readonly string[] = [
  '仪容仪表整洁得体',
  '已备好路线图，算好路上时间',
  '已按级别整理好要拜访的客户',
  '客户信息卡已带在身边',
  '本次拜访目标和计划拜访次数已明确',
  '已确定重点客户',
  '广告、促销和公关活动口径一致',
  '样品、资料等用品齐全',
  '已列出这次要了解的事项提纲',
  '想好了被婉拒时的应对',
  '已列出最可能成交的订单',
  '找好有影响力的引荐人或老客户口碑',
  '清楚关键人物和决策人是谁',
  '已通过信函或电话预约',
  '选定了本次的介绍方式',
  '了解对方的兴趣爱好',
  '了解该行业的现状、作风和习惯',
];

function common(data: DataSet): { question: string; answer: string }[] {
  const promises = data.company?.promises;
  return [
    { question: '送货怎么安排？', answer: promises?.delivery ?? '按单位要求分批送货上门。' },
    { question: '运输中破损了怎么办？', answer: promises?.breakage ?? '破损包换。' },
    { question: '怎么保证是正品？', answer: promises?.quality ?? '厂家直供，可提供检验报告。' },
  ];
}

const BY_SYSTEM: Partial<Record<UnitSystem, { question: string; answer: string }[]>> = {
  党政: [{ question: '采购手续怎么走？', answer: '按单位财务制度签订供货合同、开具增值税发票，所有优惠写在合同里，公开入账。' }],
  执法: [{ question: '采购手续怎么走？', answer: '按单位财务制度签订供货合同、开具增值税发票，所有优惠写在合同里，公开入账。' }],
  军警: [{ question: '能否按单位规定分批配送？', answer: '可以，按单位指定的时间和地点分批送达，并提供签收单。' }],
  金融: [{ question: '能否按网点分别配送？', answer: '可以，按网点清单逐一配送，每个网点单独签收。' }],
  实力企业: [{ question: '员工口味不一，怎么选？', answer: '可先安排品鉴会，按员工反馈组合两种香型，再按人数分配。' }],
  能源: [{ question: '厂区偏远能送到吗？', answer: '可以，按厂区和班组分批配送到指定地点。' }],
  通讯: [{ question: '能否开具专用发票并按部门分开结算？', answer: '可以，按部门分别开票、分别结算。' }],
  文教卫生: [{ question: '有没有低度或适合女同志的产品？', answer: '有低度产品可选，也可按人员情况搭配礼盒。' }],
};

export function defaultQuestions(system: UnitSystem, data: DataSet): { question: string; answer: string }[] {
  return [...(BY_SYSTEM[system] ?? []), ...common(data)];
}
