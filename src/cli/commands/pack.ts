import { documentCommand, visitDateInput } from '../generate.ts';

export const command = documentCommand({
  kind: 'pack',
  description:
    '拜访资料包：一份可直接打印的文件，依次为目录、拜访准备单、客户信息卡、团购建议书（有方案时）和每个推荐产品的介绍，每部分另起一页。\n内部部分标“内部资料 注意保密”，对外的建议书和产品介绍不标。',
  ...visitDateInput('拜访日期（默认今天）'),
  examples: ['tuangou pack mengyuan-ruye', 'tuangou pack mengyuan-ruye --date 2026-12-01 --format pdf'],
});
