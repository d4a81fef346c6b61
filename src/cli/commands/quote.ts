import { documentCommand } from '../generate.ts';

export const command = documentCommand({
  kind: 'quote',
  description: '生成报价单（对外）：供采购单位比价、存档的一页报价单（数量、单价、金额、大写合计、有效期、发票、付款方式、联系人、签章），\n另附一页订购确认单（回执），单位签字盖章后交回。与建议书最后两页相同。',
  examples: ['tuangou quote qcxq-jiedai-zhongxin', 'tuangou quote beijiang-nongshang-qc --deal 2026-lipin-nongshang --format pdf'],
});
