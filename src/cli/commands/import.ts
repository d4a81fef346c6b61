// tuangou import: customers from an Excel / WPS / CSV sheet into the data folder, checked with
// the rules of `check`, previewed with --dry-run, written only when nothing is wrong.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../errors.ts';
import { applySpreadsheetImport, importTemplate, planSpreadsheetImport, type Applied, type ImportPlan } from '../../app/spreadsheets.ts';
import { openWorkspace } from '../../app/workspace.ts';
import { UNIT_NAME } from '../../import/columns.ts';
import { compareIssues, formatImportIssue, issueJson, type ImportIssue } from '../../import/issues.ts';
import { cliImportIssue } from '../hints.ts';
import type { PlanEntry } from '../../import/plan.ts';
import { writeAtomic } from '../../output/write.ts';
import { shownPath } from '../../util/paths.ts';
import { DATA_HELP, DATA_OPTION, writableDataDir, JSON_HELP, JSON_OPTION, type Command } from '../command.ts';
import { textTable } from '../table.ts';

export const command: Command = {
  usage: '<文件.xlsx|文件.csv> [--dry-run] [--force-partial] [--data DIR] [--json]\n       tuangou import --template <模板.xlsx>',
  description: [
    '从 Excel / WPS 表格（.xlsx）或 CSV 导入客户和联系人：一行一位联系人，单位名称相同的行合成一个客户。',
    '表头用数据的中文字段名（单位名称、所属系统、联系人姓名、手机……），列的顺序随意；不认识的列（序号、区域……）不导入，并在警告里列出；像是写错了的列名报错并提示正确的写法。',
    '每一行都按 tuangou check 的规则检查，问题指明工作表、单元格和字段（如 客户!F12 手机: …）；有错误时不写入任何文件。',
    '已有的单位会被更新而不是重复建立，表格里空着的格子不改动原有内容；改动的文件先备份到 data/.backup/<时间>/。',
    'CSV 可以是 UTF-8（带或不带 BOM）或 GBK / GB18030 编码。',
  ].join('\n'),
  options: {
    ...DATA_OPTION,
    ...JSON_OPTION,
    'dry-run': { type: 'boolean' },
    'force-partial': { type: 'boolean' },
    template: { type: 'string' },
  },
  help: [
    { flag: '--dry-run', text: '只预览：列出会新建、更新、不变的客户和所有问题，不写入任何文件' },
    { flag: '--force-partial', text: '有错误时仍然导入没有错误的客户，并列出没有导入的' },
    { flag: '--template FILE', text: '生成一份空白导入模板（.xlsx）：表头、每列的填写说明、下拉选项' },
    DATA_HELP,
    JSON_HELP,
  ],
  examples: [
    'tuangou import --template 客户导入模板.xlsx',
    'tuangou import 客户.xlsx --dry-run',
    'tuangou import 客户.xlsx',
    'tuangou import 老系统导出.csv --force-partial --data ~/团购资料',
  ],
  async run(args, io) {
    const template = args.values['template'];
    if (typeof template === 'string') {
      if (args.positionals.length > 0) throw new UsageError('--template 只生成模板，不能同时导入文件');
      return writeTemplate(path.resolve(io.cwd, template), io.stdout);
    }
    const [file, ...rest] = args.positionals;
    if (file === undefined) throw new UsageError('请给出要导入的表格文件（.xlsx 或 .csv）');
    if (rest.length > 0) throw new UsageError(`一次只能导入一个文件，多出了：${rest.join(' ')}`);
    const dir = writableDataDir(args, io, '导入到哪个数据文件夹');
    const dryRun = Boolean(args.values['dry-run']);
    const ws = openWorkspace({ data: dir });
    const plan = await planSpreadsheetImport(ws, path.resolve(io.cwd, file), { cwd: io.cwd });
    const applied = dryRun ? undefined : applySpreadsheetImport(plan, { forcePartial: Boolean(args.values['force-partial']) });
    const shown = (abs: string) => shownPath(abs, io.cwd);
    const opts = { dryRun, ...(applied ? { applied: { ...applied, backupDir: applied.backupDir && shown(applied.backupDir) } } : {}) };
    io.stdout(args.values['json'] ? planJson(plan, opts) : planText(plan, opts));
    return countIssues(allIssues(plan)).errors > 0 ? 1 : 0;
  },
};

async function writeTemplate(file: string, out: (t: string) => void): Promise<number> {
  if (!/\.xlsx$/i.test(file)) throw new UsageError('模板只能生成 .xlsx 文件');
  if (existsSync(file)) throw new UsageError(`「${file}」已经存在，没有覆盖：请换一个文件名或先删除它`);
  writeAtomic(file, await importTemplate(), { create: true });
  out(`已生成导入模板 ${file}\n在「客户」工作表里一行填一位联系人；鼠标停在列名上可以看到填写要求。填好后先运行 tuangou import ${path.basename(file)} --dry-run 预览。\n`);
  return 0;
}

const ACTION_WORDS = { create: '新建', update: '更新', unchanged: '不变' } as const;

function countIssues(issues: readonly ImportIssue[]): { errors: number; warnings: number } {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}

function allIssues(plan: ImportPlan): ImportIssue[] {
  return [...plan.sheetIssues, ...plan.entries.flatMap((e) => e.issues)].map(cliImportIssue).sort(compareIssues);
}

function what(e: PlanEntry): string {
  if (e.action === 'create') return `${e.contacts} 位联系人`;
  if (e.action === 'update') return e.changes.join('、');
  return '';
}

function notices(plan: ImportPlan, applied: Applied | undefined): string[] {
  const temps = applied?.removedTemps ?? [];
  return [...plan.notices, ...(temps.length > 0 ? [`删除了上次被中断的导入留下的临时文件：${temps.join('、')}`] : [])];
}

function planText(plan: ImportPlan, opts: { dryRun: boolean; applied?: Applied }): string {
  const out: string[] = [];
  const units = plan.entries.length;
  out.push(`读取「${plan.source}」：${plan.dataRows} 行数据，${units} 个单位。`);
  for (const n of notices(plan, opts.applied)) out.push(`提示：${n}`);
  const issues = allIssues(plan);
  const counts = countIssues(issues);
  for (const [severity, title] of [['error', '错误'], ['warning', '警告']] as const) {
    const list = issues.filter((i) => i.severity === severity);
    if (list.length === 0) continue;
    out.push('', `${title}（${list.length}）：`, ...list.map((i) => `  ${formatImportIssue(i)}`));
  }
  const by = (a: PlanEntry['action']) => plan.entries.filter((e) => e.action === a).length;
  out.push('', `${opts.dryRun ? '预览（没有写入任何文件）' : '结果'}：新建 ${by('create')} 个客户，更新 ${by('update')} 个，不变 ${by('unchanged')} 个。`);
  if (units > 0) {
    const rows = plan.entries.map((e) => [
      e.errors > 0 ? `${ACTION_WORDS[e.action]}（有错误）` : ACTION_WORDS[e.action],
      e.display,
      e.name,
      what(e),
    ]);
    out.push(textTable(['操作', '文件', UNIT_NAME.label, '内容'], rows).trimEnd());
  }
  const applied = opts.applied;
  if (opts.dryRun) {
    out.push('', counts.errors > 0 ? '有错误：正式导入时不会写入任何文件（除非加 --force-partial，只导入没有错误的客户）。' : '没有错误：去掉 --dry-run 即可正式导入。');
  } else if (applied?.blocked) {
    out.push('', `有 ${counts.errors} 个错误，没有写入任何文件。改正后重新导入；或加 --force-partial 只导入没有错误的客户。`);
  } else if (applied) {
    if (applied.written.length === 0) out.push('', '没有需要写入的变化。');
    else out.push('', `已写入 ${applied.written.length} 个文件。${applied.backupDir ? `写入前的备份和撤销说明在 ${applied.backupDir}` : ''}`);
    if (applied.skipped.length > 0) out.push(`有错误、没有导入的客户（${applied.skipped.length}）：${applied.skipped.map((e) => e.name).join('、')}`);
    if (applied.written.length > 0) out.push('建议运行 tuangou check 检查全部数据。');
  }
  return `${out.join('\n')}\n`;
}

function planJson(plan: ImportPlan, opts: { dryRun: boolean; applied?: Applied }): string {
  const issues = allIssues(plan);
  const counts = countIssues(issues);
  const written = new Set(opts.applied?.written ?? []);
  return `${JSON.stringify(
    {
      source: plan.source,
      dryRun: opts.dryRun,
      rows: plan.dataRows,
      ...counts,
      written: opts.applied ? opts.applied.written.length : 0,
      blocked: opts.applied?.blocked ?? false,
      backup: opts.applied?.backupDir ?? null,
      notices: notices(plan, opts.applied),
      customers: plan.entries.map((e) => ({
        name: e.name,
        id: e.id,
        file: e.display,
        action: e.action,
        changes: e.changes,
        contacts: e.contacts,
        errors: e.errors,
        written: written.has(e),
      })),
      issues: issues.map(issueJson),
    },
    null,
    2,
  )}\n`;
}
