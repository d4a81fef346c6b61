import { commaList } from '../command.ts';
import { documentCommand } from '../generate.ts';

export const command = documentCommand({
  kind: 'card',
  description: '生成客户信息卡（内部，保密）：每位联系人一张，字段与公司建档要求一致，带客户级别和 VIP 标记。\n默认为决策人和业务负责人各做一张。',
  options: { contact: { type: 'string' } },
  help: [{ flag: '--contact 姓名,姓名', text: '只为这些联系人做卡' }],
  input: (args) => {
    const names = args.values['contact'];
    return typeof names === 'string' ? { contacts: commaList(names) } : {};
  },
  examples: ['tuangou card nmg-power', 'tuangou card nmg-power --contact 王建国 --format pdf'],
});
