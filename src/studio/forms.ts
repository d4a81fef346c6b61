// Edit forms over a record's plain YAML values. Fields are named by their data path
// (contacts[0].mobile), so an issue of `check` lands at its field and the 数据检查 page links
// straight to it. A field left as it was shown leaves the file untouched there; an emptied
// field is removed; lists (contacts, a deal's products and tiers) take added and removed items.
import type { z } from 'zod';
import type { DataRecord, RecordKind } from '../app/records.ts';
import { choicesAt, labelAt } from '../data/labels.ts';
import type { Issue } from '../errors.ts';
import { isRecord, type Rec } from '../util/record.ts';
import { html, type Html } from './html.ts';
import { internalTag, isInternal } from './internal.ts';

/** The element id of a field's row: contacts[0].mobile → field-contacts-0-mobile. */
export const fieldAnchor = (field: string): string => `field-${field.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;

export interface FieldSpec {
  /** Path inside the record or the list item, dotted for nested records: commission.rate. */
  readonly key: string;
  readonly multiline?: boolean;
  /** Choices other than the schema's own (a deal's products: the data's product ids). */
  readonly choices?: readonly { readonly value: string; readonly text: string }[];
  readonly placeholder?: string;
}

export interface ListSpec {
  readonly key: string;
  /** What one item is called: 联系人, 产品, 分配档. */
  readonly item: string;
  readonly fields: readonly FieldSpec[];
}

export interface FormSpec {
  readonly kind: RecordKind;
  readonly schema: z.ZodType;
  readonly fields: readonly FieldSpec[];
  readonly lists: readonly ListSpec[];
}

/** What a form shows: the values as text by path, how many items each list has, the items to remove. */
export interface FormState {
  readonly version: string;
  readonly values: ReadonlyMap<string, string>;
  readonly counts: ReadonlyMap<string, number>;
  readonly removed: ReadonlySet<string>;
}

type Path = (string | number)[];
const pathOf = (key: string): Path => key.split('.');
const itemPath = (list: string, i: number, key: string) => `${list}[${i}].${key}`;

/** A value as a form field shows it: text as it is, a list of texts joined by 、 (tags), nothing else. */
function shown(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('、');
  return undefined;
}

function getAt(value: unknown, path: Path): unknown {
  let cur = value;
  for (const seg of path) cur = isRecord(cur) ? cur[seg as string] : undefined;
  return cur;
}

/** Sets (text) or removes (undefined) the value at a path, creating and dropping nested records as needed. */
function setAt(value: Rec, path: Path, text: string | undefined): void {
  const [head, ...rest] = path as string[];
  if (rest.length === 0) {
    if (text === undefined) delete value[head!];
    else value[head!] = text;
    return;
  }
  const inner = isRecord(value[head!]) ? (value[head!] as Rec) : {};
  setAt(inner, rest, text);
  if (Object.keys(inner).length === 0) delete value[head!];
  else value[head!] = inner;
}

export function stateOfRecord(spec: FormSpec, rec: DataRecord): FormState {
  const values = new Map<string, string>();
  for (const f of spec.fields) values.set(f.key, shown(getAt(rec.value, pathOf(f.key))) ?? '');
  const counts = new Map<string, number>();
  for (const l of spec.lists) {
    const items = Array.isArray(rec.value[l.key]) ? (rec.value[l.key] as unknown[]) : [];
    counts.set(l.key, items.length);
    items.forEach((item, i) => {
      for (const f of l.fields) values.set(itemPath(l.key, i, f.key), shown(getAt(item, pathOf(f.key))) ?? '');
    });
  }
  return { version: rec.version, values, counts, removed: new Set() };
}

/** A posted form body (`parseBody({ all: true })`): text values; repeated names as lists. */
export type PostedForm = Record<string, string | File | (string | File)[]>;

const texts = (v: PostedForm[string] | undefined): string[] => [v ?? []].flat().filter((x): x is string => typeof x === 'string');
/** A field's text as typed, line ends made \n and the ends trimmed: what the file will hold. */
const typed = (v: PostedForm[string] | undefined): string => (texts(v)[0] ?? '').replace(/\r\n?/g, '\n').trim();

export function stateOfForm(spec: FormSpec, body: PostedForm): FormState {
  const values = new Map<string, string>();
  for (const f of spec.fields) values.set(f.key, typed(body[f.key]));
  const counts = new Map<string, number>();
  for (const l of spec.lists) {
    const n = Math.min(Math.max(Number.parseInt(typed(body[`_count.${l.key}`]), 10) || 0, 0), 500);
    counts.set(l.key, n);
    for (let i = 0; i < n; i++) for (const f of l.fields) values.set(itemPath(l.key, i, f.key), typed(body[itemPath(l.key, i, f.key)]));
  }
  return { version: typed(body['_version']), values, counts, removed: new Set(texts(body['_remove'])) };
}

/** One more (empty) item in a list: the form's "添加" button, before anything is saved. */
export const withItemAdded = (state: FormState, list: string): FormState => ({ ...state, counts: new Map(state.counts).set(list, (state.counts.get(list) ?? 0) + 1) });

/**
 * The form applied to a copy of the record's values (saveRecord's change), and where each list
 * item of the result was on the form: issues name the result's items, the form shows its own.
 */
export function applyForm(spec: FormSpec, state: FormState, value: Rec): { readonly value: Rec; readonly formIndex: ReadonlyMap<string, readonly number[]> } {
  const put = (target: Rec, key: string, formKey: string) => {
    const text = state.values.get(formKey) ?? '';
    if (text === (shown(getAt(target, pathOf(key))) ?? '')) return;
    setAt(target, pathOf(key), text === '' ? undefined : text);
  };
  for (const f of spec.fields) put(value, f.key, f.key);
  const formIndex = new Map<string, number[]>();
  for (const l of spec.lists) {
    const before = Array.isArray(value[l.key]) ? (value[l.key] as unknown[]) : [];
    const after: unknown[] = [];
    const where: number[] = [];
    for (let i = 0; i < (state.counts.get(l.key) ?? 0); i++) {
      if (state.removed.has(`${l.key}[${i}]`)) continue;
      const existing = before[i];
      const item: Rec = isRecord(existing) ? existing : {};
      for (const f of l.fields) put(item, f.key, itemPath(l.key, i, f.key));
      if (existing === undefined && Object.keys(item).length === 0) continue; // an added item left blank
      after.push(existing !== undefined && !isRecord(existing) ? existing : item);
      where.push(i);
    }
    if (after.length > 0 || value[l.key] !== undefined) value[l.key] = after;
    formIndex.set(l.key, where);
  }
  return { value, formIndex };
}

/** An issue's field as the form names it: the result's list index turned back into the form's. */
export function formField(field: string, formIndex: ReadonlyMap<string, readonly number[]>): string {
  const m = /^([A-Za-z]+)\[(\d+)\](.*)$/.exec(field);
  const at = m && formIndex.get(m[1]!)?.[Number(m[2])];
  return m && at !== undefined ? `${m[1]}[${at}]${m[3]}` : field;
}

/** What the live check and a refused save report: each issue at the field the form names. */
export interface FieldIssue {
  readonly field: string;
  readonly label: string;
  readonly severity: Issue['severity'];
  readonly message: string;
  /** file:line, for an issue outside the form's fields (fixed in a text editor). */
  readonly where: string;
}

export const fieldIssues = (issues: readonly Issue[], formIndex: ReadonlyMap<string, readonly number[]> = new Map()): FieldIssue[] =>
  issues.map((i) => ({ field: formField(i.field, formIndex), label: i.label, severity: i.severity, message: i.message, where: i.line > 0 ? `${i.file}:${i.line}` : i.file }));

interface RenderContext {
  readonly spec: FormSpec;
  readonly state: FormState;
  /** Issues by the form's field name. */
  readonly byField: ReadonlyMap<string, FieldIssue[]>;
}

function input(r: RenderContext, name: string, schemaPath: Path, f: FieldSpec): Html {
  const value = r.state.values.get(name) ?? '';
  const id = `in-${fieldAnchor(name).slice('field-'.length)}`;
  const choices = f.choices ?? choicesAt(r.spec.schema, schemaPath)?.map((v) => ({ value: v, text: v }));
  const issues = r.byField.get(name) ?? [];
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const label = labelAt(r.spec.schema, schemaPath) || f.key;
  let control: Html;
  if (choices) {
    const known = choices.some((c) => c.value === value);
    control = html`<select id="${id}" name="${name}"><option value="">（不填）</option>${!known && value !== '' ? html`<option selected>${value}</option>` : ''}${choices.map(
      (c) => html`<option value="${c.value}"${c.value === value ? html` selected` : ''}>${c.text}</option>`,
    )}</select>`;
  } else if (f.multiline) {
    control = html`<textarea id="${id}" name="${name}" rows="3">${value}</textarea>`;
  } else {
    control = html`<input type="text" id="${id}" name="${name}" value="${value}"${f.placeholder ? html` placeholder="${f.placeholder}"` : ''}>`;
  }
  const internal = isInternal(r.spec.kind, name);
  return html`<div class="field${errors.length > 0 ? ' has-error' : ''}${internal ? ' internal' : ''}" id="${fieldAnchor(name)}" data-field="${name}">
<label for="${id}">${label}${internal ? internalTag : ''}</label>${control}
<div class="field-error" role="alert">${errors.map((e) => e.message).join('；')}</div><div class="field-warning">${warnings.map((e) => e.message).join('；')}</div>
</div>`;
}

/** The fields and lists of a form, with the issues at their fields and the rest above them. */
export function formFields(spec: FormSpec, state: FormState, issues: readonly FieldIssue[]): Html {
  const names = new Set(state.values.keys());
  const byField = new Map<string, FieldIssue[]>();
  const elsewhere: FieldIssue[] = [];
  for (const i of issues) {
    if (names.has(i.field)) byField.set(i.field, [...(byField.get(i.field) ?? []), i]);
    else if (i.severity === 'error') elsewhere.push(i);
  }
  const r: RenderContext = { spec, state, byField };
  const lists = spec.lists.map((l) => {
    const n = state.counts.get(l.key) ?? 0;
    return html`<fieldset class="list" id="${fieldAnchor(l.key)}" data-field="${l.key}"><legend>${labelAt(spec.schema, [l.key])}</legend>
<input type="hidden" name="_count.${l.key}" value="${n}">
${Array.from({ length: n }, (_, i) => {
  const removed = state.removed.has(`${l.key}[${i}]`);
  return html`<fieldset class="item" id="${fieldAnchor(`${l.key}[${i}]`)}" data-field="${l.key}[${i}]"><legend>${l.item} ${i + 1}</legend>
<label class="remove"><input type="checkbox" name="_remove" value="${l.key}[${i}]"${removed ? html` checked` : ''}> 保存时删除这一项</label>
${l.fields.map((f) => input(r, itemPath(l.key, i, f.key), [l.key, i, ...pathOf(f.key)], f))}
</fieldset>`;
})}
<button type="submit" class="secondary" name="_op" value="add:${l.key}" formnovalidate>添加${l.item}</button>
</fieldset>`;
  });
  return html`<input type="hidden" name="_version" value="${state.version}">
<div class="form-errors error" role="alert">${elsewhere.map((i) => html`<div>${i.label ? `${i.label}：` : ''}${i.message}<span class="muted">（${i.where}${i.field ? ` ${i.field}` : ''}）</span></div>`)}</div>
${spec.fields.map((f) => input(r, f.key, pathOf(f.key), f))}
${lists}`;
}
