// tuangou export: customers to the import sheet (.xlsx or .csv), one row per contact, with the
// same headers as the import template, so that export → edit in Excel or WPS → import works.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CLASSES } from '../../domain/classify.ts';
import { SYSTEMS } from '../../data/schema.ts';
import { UsageError } from '../../errors.ts';
import { exportCustomers, planSpreadsheetImport } from '../../app/spreadsheets.ts';
import { openWorkspace } from '../../app/workspace.ts';
import { writeAtomic } from '../../output/write.ts';
import { DATA_HELP, DATA_OPTION, dataDir, listOption, type Command } from '../command.ts';

export const command: Command = {
  usage: '<文件.xlsx|文件.csv> [--class A,B] [--system 金融,…] [--data DIR]',
  description: [
    '把客户和联系人导出成导入用的表格：一行一位联系人，表头与导入模板相同。',
    '在 Excel 或 WPS 里修改后可以用 tuangou import 导回，没有改动的内容导回后保持原样。',
    '以 = + - @ 开头的内容前面加一个单引号，防止表格软件把它当成公式执行（导入时会去掉）。',
    '要在 Excel 里修改，请导出 .xlsx：Excel 打开 CSV 时会去掉邮编和电话开头的 0。',
  ].join('\n'),
  options: { ...DATA_OPTION, class: { type: 'string' }, system: { type: 'string' } },
  help: [
    { flag: '--class A,B', text: '只导出这些级别的客户（按预计年采购额分级）' },
    { flag: '--system 金融', text: `只导出这些系统的客户（${SYSTEMS.join('、')}）` },
    DATA_HELP,
  ],
  examples: ['tuangou export 客户.xlsx', 'tuangou export 金融客户.xlsx --system 金融 --class A,B', 'tuangou export 客户.csv'],
  async run(args, io) {
    const [name, ...rest] = args.positionals;
    if (name === undefined) throw new UsageError('请给出导出的文件名（.xlsx 或 .csv）');
    if (rest.length > 0) throw new UsageError(`只能导出到一个文件，多出了：${rest.join(' ')}`);
    const format = /\.xlsx$/i.test(name) ? 'xlsx' : /\.csv$/i.test(name) ? 'csv' : undefined;
    if (!format) throw new UsageError('导出文件的扩展名应为 .xlsx 或 .csv');
    const file = path.resolve(io.cwd, name);
    if (existsSync(file)) throw new UsageError(`「${name}」已经存在，没有覆盖：请换一个文件名或先删除它（里面可能有还没导入的修改）`);
    const classes = listOption(args, 'class', CLASSES);
    const systems = listOption(args, 'system', SYSTEMS);

    const ws = openWorkspace({ data: dataDir(args, io) });
    const exported = await exportCustomers(ws, format, { classes, systems });
    writeAtomic(file, exported.bytes, { create: true, private: true });
    io.stdout(`已导出 ${exported.customers} 个客户、${exported.contacts} 位联系人到 ${name}\n`);
    if (exported.skipped.length > 0) io.stderr(`注意：${exported.skipped.length} 个客户文件有错误，没有导出：${exported.skipped.join('、')}。运行 tuangou check 查看。\n`);

    // Self-check: the file just written, read back as an import, must change nothing.
    const plan = await planSpreadsheetImport(ws, file, { cwd: io.cwd });
    const changed = plan.entries.filter((e) => e.action !== 'unchanged');
    if (changed.length === 0) io.stdout(`自检：重新读取导出的文件，${plan.entries.length} 个客户与数据文件一致。\n`);
    else io.stderr(`注意：以下客户导出后再导入会有差异（请把这个问题告诉维护者）：${changed.map((e) => `${e.name}（${e.changes.join('、')}）`).join('；')}\n`);
    return 0;
  },
};
