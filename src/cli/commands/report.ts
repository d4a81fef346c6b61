// tuangou report: the department head's papers — the weekly sales statistics (PDF, .docx,
// .xlsx) and one customer's consumption evaluation (PDF, .docx).
import path from 'node:path';
import { reportRange, weeklyReportName } from '../../app/reports.ts';
import { weeklyReportWorkbook } from '../../app/report-workbook.ts';
import { safeName, writeAtomic } from '../../output/write.ts';
import { UsageError } from '../../errors.ts';
import { FORMATS } from '../../template/frontmatter.ts';
import { listOption, type Command } from '../command.ts';
import { context, dateOption, GENERATE_HELP, GENERATE_OPTIONS, make, report } from '../generate.ts';

const WEEK_FORMATS = [...FORMATS, 'xlsx'] as const;

export const command: Command = {
  usage: 'week [--week YYYY-Www | --from YYYY-MM-DD --to YYYY-MM-DD] [--manager NAME] [--format pdf,docx,xlsx] … | customer <客户编号或单位名称> [--format pdf,docx] …',
  description: [
    '部门主管用的两种报表（内部）：',
    'report week：销售统计报表。每位客户经理和合计的拜访（按方式）、新接触单位和新客户、方案报价 / 成交 / 未成交、瓶数、销售额和毛利，',
    '对照 targets.yaml 的目标算出完成率；潜在客户按红黄绿分列；超过拜访间隔没去的客户。默认今天所在的 ISO 周，出 PDF、.docx 和 .xlsx。',
    'report customer：客户消费评估报告。按节日和年份的购买、趋势、偏好的产品、付款方式、按销售额（80/20）和按预计年采购额的级别、',
    '联系人的 VIP 状态、拜访记录和据此给出的建议。',
  ].join('\n'),
  options: { ...GENERATE_OPTIONS, week: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, manager: { type: 'string' } },
  help: [
    { flag: '--week 2026-W49', text: '统计这一 ISO 周（周一到周日；默认今天所在的周）' },
    { flag: '--from D --to D', text: '或者统计这几天（含首尾两天）' },
    { flag: '--manager NAME', text: '只统计这位客户经理' },
    { flag: '--format pdf,docx,xlsx', text: 'report week 的输出格式（默认三种都出）；report customer 只有 pdf、docx' },
    ...GENERATE_HELP.filter((h) => !h.flag.startsWith('--format')),
  ],
  examples: ['tuangou report week --week 2026-W49 --today 2026-12-04', 'tuangou report week --from 2026-12-01 --to 2026-12-31 --manager 王建国 --format xlsx', 'tuangou report customer qingcheng-reli --today 2026-12-04'],
  async run(args, io) {
    const [what, ...rest] = args.positionals;
    if (what !== 'week' && what !== 'customer') throw new UsageError('请写 report week 或 report customer <客户>');
    const weekly = what === 'week';
    if (!weekly) {
      for (const name of ['week', 'from', 'to', 'manager']) if (args.values[name] !== undefined) throw new UsageError(`--${name} 只用于 report week`);
    }
    if (rest.length > (weekly ? 0 : 1)) throw new UsageError(`多余的参数：${rest.slice(weekly ? 0 : 1).join(' ')}`);
    const formats = listOption(args, 'format', weekly ? WEEK_FORMATS : FORMATS) ?? (weekly ? [...WEEK_FORMATS] : [...FORMATS]);
    return report(args, io, async (warnings) => {
      // The papers' formats go to the document writer; the workbook is written here.
      const ctx = { ...context({ ...args, values: { ...args.values, format: undefined } }, io), formats: formats.filter((f) => f !== 'xlsx') };
      if (!weekly) {
        const customer = rest[0];
        if (customer === undefined) throw new UsageError('缺少客户：请写客户编号或单位名称');
        return (await make(ctx, { kind: 'customer-report', customer, today: ctx.today }, warnings)).files;
      }
      const week = args.values['week'];
      const manager = args.values['manager'];
      const req = {
        today: ctx.today,
        ...(typeof week === 'string' && { week }),
        from: dateOption(args, 'from'),
        to: dateOption(args, 'to'),
        ...(typeof manager === 'string' && { manager }),
      };
      const files = ctx.formats.length > 0 ? (await make(ctx, { kind: 'weekly-report', ...req }, warnings)).files : [];
      if (formats.includes('xlsx')) {
        const bytes = await weeklyReportWorkbook(ctx.ws, req);
        const file = path.join(ctx.outDir, `${safeName(weeklyReportName(reportRange(req), req.manager))}.xlsx`);
        writeAtomic(file, bytes, { durable: false });
        files.push(file);
      }
      return files;
    });
  },
};
