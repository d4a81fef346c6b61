import { CLASSES } from '../../domain/classify.ts';
import { selectCustomers } from '../../views/select.ts';
import { openWorkspace } from '../../app/workspace.ts';
import { SYSTEMS } from '../../data/schema.ts';
import { classOf, vipOf } from '../../views/facts.ts';
import { formatMoney } from '../../domain/money.ts';
import { DATA_HELP, DATA_OPTION, dataDir, JSON_HELP, JSON_OPTION, listOption, type Command } from '../command.ts';
import { textTable } from '../table.ts';
import { todayOption } from '../generate.ts';
import { customerGrades } from '../../views/report-figures.ts';

export const command: Command = {
  usage: '[--class A,B] [--system 金融,…] [--vip] [--today YYYY-MM-DD] [--data DIR] [--json]',
  description: [
    '列出客户：所属系统、状态、按预计年采购额算出的 A/B/C/D 级别，以及联系人的 VIP 状态。',
    '现有客户另有按近一年销售额的 80/20 级别（A/B/C），潜在客户另有商机颜色（红：已成交，黄：近期可成交，绿：有潜力）。',
    '级别门槛、分级比例和 VIP 条件取自 policies.yaml。',
  ].join('\n'),
  options: { ...DATA_OPTION, ...JSON_OPTION, class: { type: 'string' }, system: { type: 'string' }, vip: { type: 'boolean' }, today: { type: 'string' } },
  help: [
    { flag: '--class A,B', text: '只列这些级别的客户' },
    { flag: '--system 金融', text: `只列这些系统的客户（${SYSTEMS.join('、')}）` },
    { flag: '--vip', text: '只列有 VIP 或符合 VIP 条件联系人的客户' },
    { flag: '--today YYYY-MM-DD', text: '按这一天算近一年的销售额和商机颜色（默认今天）' },
    DATA_HELP,
    JSON_HELP,
  ],
  examples: ['tuangou customers', 'tuangou customers --class A,B --system 金融,能源', 'tuangou customers --vip --json'],
  async run(args, io) {
    const classes = listOption(args, 'class', CLASSES);
    const systems = listOption(args, 'system', SYSTEMS);
    const today = todayOption(args);
    const data = openWorkspace({ data: dataDir(args, io) }).usableData({ company: false });
    const grades = customerGrades(data, today);
    const rows = selectCustomers(data, { classes, systems, vipOnly: Boolean(args.values['vip']) })
      .map((c) => {
        const vips = c.contacts.map((k) => ({ name: k.name, ...vipOf(c, k, data) })).filter((v) => v.status !== 'none');
        return { customer: c, cls: classOf(c, data.policies), ...grades.get(c.id), vips };
      })
      .sort((a, b) => (a.cls ?? 'Z').localeCompare(b.cls ?? 'Z') || a.customer.id.localeCompare(b.customer.id));

    if (args.values['json']) {
      const out = rows.map((r) => ({
        id: r.customer.id,
        name: r.customer.name,
        system: r.customer.system,
        status: r.customer.status,
        class: r.cls ?? null,
        revenueClass: r.revenueClass ?? null,
        colour: r.colour?.colour ?? null,
        expectedAnnualPurchaseFen: r.customer.expectedAnnualPurchase ?? null,
        vip: r.vips.map((v) => ({ name: v.name, status: v.status, reasons: v.reasons })),
      }));
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    io.stdout(
      textTable(
        ['级别', '销售额级别', '商机', '编号', '单位名称', '系统', '状态', '预计年采购额', '客户经理', 'VIP'],
        rows.map((r) => [
          r.cls ?? '未分级',
          r.revenueClass ?? '',
          r.colour?.colour ?? '',
          r.customer.id,
          r.customer.name,
          r.customer.system,
          r.customer.status,
          r.customer.expectedAnnualPurchase === undefined ? '' : formatMoney(r.customer.expectedAnnualPurchase),
          r.customer.accountManager ?? '',
          r.vips.map((v) => `${v.name}（${v.label}）`).join('、'),
        ]),
      ),
    );
    io.stdout(`共 ${rows.length} 个客户\n`);
    if (data.issues.some((i) => i.severity === 'error')) io.stderr('注意：部分数据有错误，未列出出错的记录。运行 tuangou check 查看。\n');
    return 0;
  },
};
