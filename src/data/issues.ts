// A problem found in the data, with the place it was found. Validation collects these and
// never throws, so `check` can report every problem of every file in one run.

import type { Issue } from '../errors.ts';

// The type lives with the error family, which carries issues to every front end.
export type { Issue, Severity } from '../errors.ts';

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

/** `file:line:column 字段(标签) 错误：信息`, the one format every command prints issues in. */
export function formatIssue(issue: Issue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const field = issue.field === '' ? '' : issue.label === '' ? `${issue.field} ` : `${issue.field}(${issue.label}) `;
  const tag = issue.severity === 'error' ? '错误' : '警告';
  return `${where} ${field}${tag}：${issue.message}`;
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}
