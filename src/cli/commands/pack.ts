import { UsageError } from '../../errors.ts';
import type { Part } from '../../pipeline/document.ts';
import { cardView, openDeal, productSheetView, proposalView, recommendedProducts, visitView, type ViewInput } from '../../views/build.ts';
import { companyV, customerInternalV, dateV } from '../../views/common.ts';
import { packViewSchema } from '../../views/schemas.ts';
import type { Command } from '../command.ts';
import { context, customerArg, dateOption, GENERATE_HELP, GENERATE_OPTIONS, make, otherErrors, report, tracedRecords } from '../generate.ts';

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
      const ctx = context(args, io);
      const customer = customerArg(ctx, args.positionals[0]);
      const visitDate = dateOption(args, 'date') ?? ctx.today;
      const deal = openDeal(ctx.data, customer, visitDate);
      const input: ViewInput = { data: ctx.data, customer, ...(deal && { deal }), today: ctx.today, visitDate };
      const t = (name: string) => ctx.templates.get(name);
      const parts: Part[] = [
        { template: t('visit'), view: visitView(input) },
        { template: t('card'), view: cardView(input) },
        ...(deal ? [{ template: t('proposal'), view: proposalView(input) }] : []),
        ...recommendedProducts(input).map((product) => ({ template: t('product'), view: productSheetView({ ...input, product }) })),
      ];
      const contents = packViewSchema.parse({
        today: dateV(ctx.today),
        visitDate: dateV(visitDate),
        company: companyV(ctx.data.company, ctx.data.dir),
        customer: customerInternalV(customer, ctx.data.policies),
        parts: parts.map((p, i) => ({
          no: i + 1,
          title: p.template.front.view === 'product' ? `产品介绍：${(p.view as { product: { name: string } }).product.name}` : p.template.front.title,
          audience: p.template.front.audience === 'external' ? '对外' : '内部',
        })),
      });
      const other = otherErrors(ctx.data);
      if (other) warnings.push(other);
      return make(ctx, [{ template: t('pack'), view: contents }, ...parts], `拜访资料包—${customer.name}`, tracedRecords(ctx.data, customer, deal), `${customer.id}-pack`);
    });
  },
};
