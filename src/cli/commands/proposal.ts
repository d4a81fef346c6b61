import { documentCommand } from '../generate.ts';

export const command = documentCommand({
  kind: 'proposal',
  description: '生成团购建议书（对外）：致领导函、单位需求、推荐产品、团购价格表（大写合计）、人均分配建议、服务承诺、有效期和联系方式。\n不含任何成本、毛利和联系人隐私信息。',
  examples: ['tuangou proposal nmg-power', 'tuangou proposal 内蒙古电力公司 --deal D2027-CJ-01 --format pdf'],
});
