// Turns one parsed YAML file into a typed record plus issues: placeholders and blanks are
// removed and reported first (the field is then treated as absent), then zod types every field.
import type { z } from 'zod';
import type { Issue, PathSegment, Severity } from './issues.ts';
import { formatPath } from './issues.ts';
import { fieldsAt, labelAt } from './labels.ts';
import type { YamlSource } from './yaml.ts';
import { closest } from '../util/suggest.ts';

/** domain.md §6: 同上, 不详, 某先生 / 某小姐, blanks; [ours] 某女士, a lone dash, 无 / N/A. */
const PLACEHOLDER = /^(同上|同前|不详|不清楚|未知|某(先生|小姐|女士)|[-—–_/?？]+|无|N\/?A)$/i;
const BLANK = /^(|~|null)$/;

export interface Checked<T> {
  readonly value?: T;
  readonly issues: Issue[];
}

export function issueAt(
  source: YamlSource,
  schema: z.ZodType,
  path: readonly PathSegment[],
  severity: Severity,
  rule: string,
  message: string,
  key?: string,
): Issue {
  const pos = source.locate(path, key);
  const fieldPath = key === undefined ? path : [...path, key];
  return {
    severity,
    file: source.file,
    line: pos.line,
    column: pos.column,
    field: formatPath(fieldPath),
    label: labelAt(schema, fieldPath),
    message,
    rule,
  };
}

export function checkRecord<S extends z.ZodType>(source: YamlSource, schema: S): Checked<z.output<S>> {
  const issues: Issue[] = [];
  const removed = new Set<string>();
  const cleaned = removePlaceholders(source.value, [], (path, raw) => {
    removed.add(formatPath(path));
    const blank = BLANK.test(raw.trim());
    issues.push(
      issueAt(source, schema, path, blank ? 'warning' : 'error', blank ? 'blank' : 'placeholder', blank
        ? '空值：不知道就整行删去，知道就填上'
        : `「${raw.trim()}」是占位内容，不能代替真实信息：不知道就整行删去`),
    );
  });
  const result = schema.safeParse(cleaned);
  if (result.success) return { value: result.data, issues };
  for (const zi of result.error.issues) {
    const path = zi.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) issues.push(unknownKey(source, schema, path, key));
    } else if (!removed.has(formatPath(path))) {
      // A removed placeholder is reported once, not again as a missing field.
      issues.push(issueAt(source, schema, path, 'error', 'schema', zi.message));
    }
  }
  return { issues };
}

function unknownKey(source: YamlSource, schema: z.ZodType, path: PathSegment[], key: string): Issue {
  const fields = fieldsAt(schema, path);
  const byLabel = fields.find((f) => f.label === key);
  const near = byLabel ?? fields.find((f) => f.key === closest(key, fields.map((x) => x.key)));
  const hint = near ? `，是否想写 ${near.key}（${near.label}）？` : `；可用的字段：${fields.map((f) => f.key).join(', ')}`;
  const issue = issueAt(source, schema, path, 'error', 'unknown-field', `未知字段「${key}」${hint}`, key);
  return { ...issue, label: '' };
}

/** Copies the tree without placeholder and blank scalars, reporting each one. */
function removePlaceholders(
  value: unknown,
  path: PathSegment[],
  report: (path: PathSegment[], raw: string) => void,
): unknown {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((v, i) => {
      if (typeof v === 'string' && isPlaceholder(v)) report([...path, i], v);
      else out.push(removePlaceholders(v, [...path, i], report));
    });
    return out;
  }
  if (value !== null && typeof value === 'object') {
    // A null prototype keeps a `__proto__` key an ordinary (and then unknown) field.
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && isPlaceholder(v)) report([...path, k], v);
      else out[k] = removePlaceholders(v, [...path, k], report);
    }
    return out;
  }
  return value;
}

function isPlaceholder(s: string): boolean {
  const t = s.trim();
  return BLANK.test(t) || PLACEHOLDER.test(t);
}
