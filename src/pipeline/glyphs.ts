// Before anything is written, every character of a Doc must be drawable and writable. A bad
// character is traced back to the data field it came from, so the error names the file,
// line and field the user has to fix; otherwise it came from the template.
import type { z } from 'zod';
import type { DataSet } from '../data/dataset.ts';
import { formatIssue, type Issue, type PathSegment } from '../data/issues.ts';
import { issueAt } from '../data/validate.ts';
import type { Doc, FontFamily } from '../document/model.ts';
import { companySchema, customerSchema, dealSchema, productSchema, type Customer, type Deal } from '../data/schema.ts';
import { DataError } from '../errors.ts';
import { checkDocGlyphs, glyphProblems, type GlyphProblem } from '../fonts/index.ts';

export interface Traced {
  readonly record: object;
  readonly schema: z.ZodType;
}

function* strings(value: unknown, path: PathSegment[] = []): Generator<[PathSegment[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** Each string of the records' source files, with where it is, for tracing a character to its field. */
function tracedFields(data: DataSet, traced: readonly Traced[]) {
  return traced.flatMap(({ record, schema }) => {
    const source = data.sourceOf(record);
    return source ? [...strings(source.value)].map(([path, text]) => ({ source, schema, path, text })) : [];
  });
}

const undrawable = (p: GlyphProblem) => `含有${p.kind === 'missing' ? `字体中没有的字「${p.char}」` : p.reason}（${p.codePoint}），打印出来会是空白或方框`;

const glyphIssue = (f: ReturnType<typeof tracedFields>[number], p: GlyphProblem): Issue =>
  issueAt(f.source, f.schema, f.path, 'error', 'glyph', `${undrawable(p)}，请改用常用字或去掉这个字符`);

/** Throws a DataError (code glyph) listing every character the fonts lack or no file may hold, with its source. */
export function assertDrawable(doc: Doc, data: DataSet, traced: readonly Traced[], templateFiles: readonly string[]): void {
  const problems = checkDocGlyphs(doc);
  if (problems.length === 0) return;
  // Each record's texts are walked once, however many characters are traced through them.
  const fields = tracedFields(data, traced);
  const lines = new Map<string, Issue | undefined>();
  for (const p of problems) {
    const hits = fields.filter((f) => f.text.includes(p.char));
    for (const f of hits) {
      const issue = glyphIssue(f, p);
      lines.set(formatIssue(issue), issue);
    }
    if (hits.length === 0) lines.set(`${templateFiles.join('、')}：模板${undrawable(p)}`, undefined);
  }
  const issues = [...lines.values()].filter((i) => i !== undefined);
  throw new DataError(`文书里有不能正确显示的字符：\n${[...lines.keys()].join('\n')}`, { code: 'glyph', issues });
}

/** Company fields that name an image in assets/: never printed. */
const IMAGE_FIELDS: ReadonlySet<PathSegment> = new Set(['logo', 'seal']);
const FAMILIES: readonly FontFamily[] = ['serif', 'sans'];

/**
 * The characters of company.yaml that no document can print, in either font family: letterhead,
 * signature, hotline and sender are in every document, so one such character is refused before
 * any is made (a mailing would otherwise fail every customer alike).
 */
export function companyGlyphIssues(data: DataSet): Issue[] {
  if (!data.company) return [];
  return tracedFields(data, [{ record: data.company, schema: companySchema }])
    .filter((f) => !IMAGE_FIELDS.has(f.path[0] ?? ''))
    .flatMap((f) => {
      const byChar = new Map(FAMILIES.flatMap((family) => glyphProblems(f.text, family)).map((p) => [p.char, p]));
      return [...byChar.values()].map((p) => glyphIssue(f, p));
    });
}

/** The records a customer's documents draw from, for tracing a bad character to its field. */
export function tracedRecords(data: DataSet, customer: Customer, deal: Deal | undefined): Traced[] {
  return [
    ...(data.company ? [{ record: data.company, schema: companySchema }] : []),
    { record: customer, schema: customerSchema },
    ...(deal ? [{ record: deal, schema: dealSchema }] : []),
    ...[...data.products.values()].map((p) => ({ record: p, schema: productSchema })),
  ];
}
