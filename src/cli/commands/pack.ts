import { UsageError } from '../../errors.ts';
import { packParts } from '../../pipeline/pack.ts';
import type { Command } from '../command.ts';
import { context, customerArg, dateOption, dealArg, GENERATE_HELP, GENERATE_OPTIONS, make, report } from '../generate.ts';
import { tracedRecords } from '../../pipeline/glyphs.ts';

export const command: Command = {
  usage: '<客户编号或单位名称> [--date YYYY-MM-DD] [--format pdf,docx] [--out DIR] [--today YYYY-MM-DD] [--json]',
  description:
    '拜访资料包：一份可直接打印的文件，依次为目录、拜访准备单、客户信息卡、团购建议书（有方案时）和每个推荐产品的介绍，每部分另起一页。\n内部部分标“内部资料 注意保密”，对外的建议书和产品介绍不标。',
  options: { ...GENERATE_OPTIONS, date: { type: 'string' } },
  help: [{ flag: '--date YYYY-MM-DD', text: '拜访日期（默认今天）' }, ...GENERATE_HELP],
  examples: ['tuangou pack mengyuan-ruye', 'tuangou pack mengyuan-ruye --date 2026-12-01 --format pdf'],
  async run(args, io) {
    if (args.positionals.length > 1) throw new UsageError(`多余的参数：${args.positionals.slice(1).join(' ')}`);
    return report(args, io, async (warnings) => {
      const ctx = context(args, io, args.positionals[0]);
      const customer = customerArg(ctx, args.positionals[0]);
      const visitDate = dateOption(args, 'date') ?? ctx.today;
      const deal = dealArg(ctx, args, customer, warnings, visitDate);
      const parts = packParts(ctx.templates, { data: ctx.data, customer, ...(deal && { deal }), today: ctx.today, visitDate });
      return make(ctx, parts, `拜访资料包—${customer.name}`, tracedRecords(ctx.data, customer, deal), `${customer.id}-pack`, warnings);
    });
  },
};
