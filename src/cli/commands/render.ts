import { UsageError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { context, customerRequest, dateOption, GENERATE_HELP, GENERATE_OPTIONS, make, report } from '../generate.ts';

export const command: Command = {
  usage: '<模板> <客户编号或单位名称> [--deal ID] [--format pdf,docx] [--out DIR] [--today YYYY-MM-DD] [--json]',
  description: '用任意一个模板为一个客户生成文书。模板可以写模板名（先找 --templates 文件夹，再找自带模板）或 .md 文件路径。\n生成前会检查模板里用到的每个字段，写错的字段会指出文件、行号，并给出可能想写的字段。',
  options: { ...GENERATE_OPTIONS, deal: { type: 'string' }, date: { type: 'string' } },
  help: [
    { flag: '--deal ID', text: '方案编号（默认：该客户仍有效的未成交方案）' },
    { flag: '--date YYYY-MM-DD', text: '拜访日期（拜访准备单用，默认今天）' },
    ...GENERATE_HELP,
  ],
  examples: ['tuangou render proposal nmg-power', 'tuangou render my-templates/感谢信.md 内蒙古电力公司 --format docx'],
  async run(args, io) {
    const [name, who, ...extra] = args.positionals;
    if (name === undefined) throw new UsageError('缺少模板名');
    if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`);
    const date = dateOption(args, 'date');
    return report(args, io, async (warnings) => {
      const ctx = context(args, io);
      return (await make(ctx, { template: name, ...customerRequest(ctx, args, who), ...(date && { date }) }, warnings)).files;
    });
  },
};
