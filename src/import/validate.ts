// Checks the merged records with exactly the rules of `tuangou check`: checkRecord (placeholders,
// formats, required fields) and crossChecks (no phone, duplicates, unknown products, warnings),
// then turns each problem's field path back into the cell it came from.
import type { Issue, PathSegment } from '../data/issues.ts';
import type { Loaded } from '../data/load.ts';
import { crossChecks } from '../data/rules.ts';
import { customerSchema, type Customer, type Product } from '../data/schema.ts';
import { checkRecord } from '../data/validate.ts';
import type { YamlSource } from '../data/yaml.ts';
import { DIGIT_KINDS, NUMERIC_CELL_HINT } from './cells.ts';
import type { ImportIssue } from './issues.ts';
import { locate, type Merged } from './merge.ts';

export interface Context {
  readonly products: readonly Loaded<Product>[];
  /** Customers of the data folder that the sheet does not touch. */
  readonly others: readonly Loaded<Customer>[];
  readonly layout: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** contacts[0].family[1].birthday → ['contacts', 0, 'family', 1, 'birthday']. */
export function parseFieldPath(field: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of field.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) out.push(m[1] !== undefined ? Number(m[1]) : (m[2] as string));
  return out;
}

// crossChecks names a record by its source file; each imported record gets a token that
// cannot be a real path, and messages quoting it ("与 token:12 相同") are rewritten.
const token = (i: number) => `〔导入#${i}〕`;

export function validateMerged(merged: readonly Merged[], ctx: Context): ImportIssue[][] {
  const out: ImportIssue[][] = merged.map(() => []);
  const loaded: Loaded<Customer>[] = [];
  const owner = new Map<string, number>();

  merged.forEach((m, i) => {
    const file = token(i);
    owner.set(file, i);
    const source: YamlSource = {
      file,
      value: m.value,
      // Rows of the sheet as positive lines, lines of the YAML file as negative ones.
      locate: (path, key) => {
        const { place } = locate(m, key === undefined ? path : [...path, key], ctx.layout);
        if (place.kind === 'cell' || place.kind === 'row') return { line: place.row, column: place.kind === 'cell' ? place.col : 0 };
        if (place.kind === 'file') return { line: -place.line, column: place.column };
        return { line: 0, column: 0 };
      },
    };
    const checked = checkRecord(source, customerSchema);
    out[i]?.push(...checked.issues.map((issue) => convert(issue, m, merged, ctx)));
    if (checked.value !== undefined) loaded.push({ value: checked.value, source });
  });

  for (const issue of crossChecks({ products: ctx.products, customers: [...ctx.others, ...loaded], deals: [] }, { allCustomers: true })) {
    const i = owner.get(issue.file);
    const m = i === undefined ? undefined : merged[i];
    if (i !== undefined && m) out[i]?.push(convert(issue, m, merged, ctx));
  }
  return out;
}

function convert(issue: Issue, m: Merged, all: readonly Merged[], ctx: Context): ImportIssue {
  const path = parseFieldPath(issue.field);
  const { place, placed } = locate(m, path, ctx.layout);
  // A problem inside a compound cell (家庭成员 → 生日) names both.
  const label = placed?.column.kind === 'family' && issue.label !== '' && placed.column.label !== issue.label ? `${placed.column.label}（${issue.label}）` : (placed?.column.label ?? issue.label);
  let message = issue.message.replace(/〔导入#(\d+)〕:(-?\d+)/g, (_, n: string, line: string) => {
    const other = all[Number(n)];
    const l = Number(line);
    if (!other) return `${n}:${line}`;
    if (l < 0 && other.existing) return `${other.existing.display}:${-l}`;
    return `${other.sheet.rows[0]?.sheet ?? ''}!第${l}行`;
  });
  if (placed?.numeric && DIGIT_KINDS.has(placed.column.kind) && issue.rule === 'schema') message += NUMERIC_CELL_HINT;
  return {
    severity: issue.severity,
    place,
    label: issue.rule === 'unknown-field' ? '' : label,
    message,
    rule: issue.rule,
    customer: m.sheet.name,
  };
}
