// What the command line adds to an error or a notice of the core: the option or command that
// acts on it. The core says what is wrong; only here is it said in terms of the CLI.
import type { Notice } from '../app/documents.ts';
import type { AppError, ErrorCode } from '../errors.ts';
import type { ImportIssue } from '../import/issues.ts';

const ERROR_HINTS: Partial<Record<ErrorCode, (e: AppError) => string | undefined>> = {
  'no-data-dir': () => '不写 --data 时读当前文件夹下的 data/',
  'company-unusable': (e) => e.hint ?? '先运行 tuangou check 查看问题',
  'policies-unusable': (e) => `${e.hint}；改正后运行 tuangou check 确认`,
  'customer-not-found': () => '客户可用编号或完整的单位名称指定；tuangou customers 列出全部客户',
  'no-deal': (e) => (e.issues.length > 0 ? '改正后运行 tuangou check 确认' : `${e.hint}，或用 --deal 指定方案编号`),
  compliance: () => '改正方案（或在 discountApproval 里记下额外折让的审批人和日期）后运行 tuangou check 确认；tuangou allocation 逐条列出合规检查',
  'mailing-only': () => '信件和信封由 tuangou letters 批量生成',
};

/** The hint to print under an error: the core's, in the CLI's words where it has its own. */
export function cliHint(e: AppError): string | undefined {
  return ERROR_HINTS[e.code]?.(e) ?? e.hint;
}

const NOTICE_ENDINGS: Partial<Record<Notice['code'], string>> = {
  'other-open-deals': '；要用别的请写 --deal',
  'errors-elsewhere': '，运行 tuangou check 查看全部数据',
};

/** A notice as a warning line of the CLI. */
export const cliWarning = (n: Notice): string => `${n.message}${NOTICE_ENDINGS[n.code] ?? ''}`;

const IMPORT_ENDINGS: Readonly<Record<string, string>> = {
  'no-header': '（用 tuangou import --template 生成一份模板）',
  'unknown-column': '（tuangou import --template）',
  'ignored-column': '（tuangou import --template）',
};

/** An import problem with the command that makes the import template, where it points to it. */
export const cliImportIssue = (i: ImportIssue): ImportIssue => (IMPORT_ENDINGS[i.rule] ? { ...i, message: `${i.message}${IMPORT_ENDINGS[i.rule]}` } : i);
