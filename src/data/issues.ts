// A problem found in the data, with the place it was found. Validation collects these and
// never throws, so `check` can report every problem of every file in one run.

export type Severity = 'error' | 'warning';

export interface Issue {
  readonly severity: Severity;
  /** Path as the user wrote it on the command line or relative to the data folder. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted field path, e.g. contacts[0].mobile; empty for the whole file. */
  readonly field: string;
  /** The field's Chinese label, e.g. 手机. */
  readonly label: string;
  readonly message: string;
  /** A stable rule name, used by tests and --json consumers. */
  readonly rule: string;
}

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
