// Sheet customer + existing record (plain YAML values) → the record to write. A cell that is
// blank keeps what the file has; a cell that means the same as the file (60000 and 60,000,
// 1975/3/8 and 1975-03-08, 钓鱼、书法 and a YAML list of both) keeps the file's own text, so
// an export → import round trip changes nothing. Every value remembers the cell it came from.
import { isDeepStrictEqual } from 'node:util';
import { splitTags } from '../data/fields.ts';
import { formatPath, type PathSegment } from '../data/issues.ts';
import { labelAt, schemaAt } from '../data/labels.ts';
import { customerSchema } from '../data/schema.ts';
import { sameKin } from '../domain/kinship.ts';
import type { YamlSource } from '../data/yaml.ts';
import { isRecord, type Rec } from '../util/record.ts';
import { FAMILY_HOBBIES_FIELD, type Level } from './columns.ts';
import type { FamilyMember } from './compound.ts';
import { sheetIssue, type ImportIssue, type Place } from './issues.ts';
import type { Placed, RowRef, SheetContact, SheetCustomer } from './rows.ts';
import { inSchemaOrder } from './yaml-edit.ts';

export interface Existing {
  /** Absolute path of the YAML file. */
  readonly file: string;
  /** The path shown to the user. */
  readonly display: string;
  readonly text: string;
  /** The version of the file as read (see output/data-lock.ts): the import refuses to write over a later edit. */
  readonly version: string;
  readonly source: YamlSource;
  readonly value: Record<string, unknown>;
}

export interface Merged {
  readonly sheet: SheetCustomer;
  readonly existing: Existing | undefined;
  /** The record to write, as plain YAML values (text, lists, records). */
  readonly value: Record<string, unknown>;
  /** Which cell each value path came from (formatPath keys). */
  readonly origins: ReadonlyMap<string, Placed>;
  /** The sheet row of each contact index taken from the sheet. */
  readonly contactRows: ReadonlyMap<number, RowRef>;
  /** What changes, in words: 邮编、手机（张伟）、新联系人 王五. */
  readonly changes: readonly string[];
  readonly newContacts: number;
  readonly issues: readonly ImportIssue[];
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);

/** Same meaning under the field's schema (both valid and equal once typed), or the same raw value. */
export function sameMeaning(path: readonly PathSegment[], a: unknown, b: unknown): boolean {
  if (isDeepStrictEqual(a, b)) return true;
  const schema = schemaAt(customerSchema, path);
  if (!schema) return false;
  const x = schema.safeParse(a);
  const y = schema.safeParse(b);
  return x.success && y.success && isDeepStrictEqual(x.data, y.data);
}

export function mergeCustomer(sheet: SheetCustomer, existing: Existing | undefined, newId: string): Merged {
  const before: Rec = existing?.value ?? {};
  const value: Rec = structuredClone(before);
  const origins = new Map<string, Placed>();
  const contactRows = new Map<number, RowRef>();
  const changes: string[] = [];
  const issues: ImportIssue[] = [];
  const creating = existing === undefined;
  let newContacts = 0;

  const assign = (target: Rec, key: string, placed: Placed, path: PathSegment[], quiet: boolean, who?: string) => {
    origins.set(formatPath(path), placed);
    const old = target[key];
    if (old !== undefined && sameMeaning(path, old, placed.raw)) return;
    target[key] = placed.column.kind === 'tags' ? likeOld(old, placed.raw) : placed.raw;
    if (!quiet) changes.push(who === undefined ? placed.column.label : `${placed.column.label}（${who}）`);
  };

  if (creating) value['id'] = newId;
  for (const [field, placed] of sheet.fields) {
    if (field === 'id' && existing) {
      origins.set('id', placed);
      if (str(before['id']) !== placed.text) {
        issues.push(sheetIssue('error', cellPlace(placed), placed.column.label, 'id-change', `「${sheet.name}」已经在 ${existing.display} 里，编号是「${String(before['id'])}」：导入不能修改编号`, sheet.name));
      }
      continue;
    }
    assign(value, field, placed, [field], creating);
  }

  if (sheet.contacts.length > 0) {
    if (value['contacts'] !== undefined && !Array.isArray(value['contacts'])) {
      issues.push(sheetIssue('error', { kind: 'file', file: existing?.display ?? '', ...(existing?.source.locate(['contacts']) ?? { line: 1, column: 1 }) }, labelAt(customerSchema, ['contacts']), 'bad-existing', '文件里的联系人不是列表，无法合并表格里的联系人：请先修正这个文件', sheet.name));
    } else {
      const contacts = (value['contacts'] ??= []) as unknown[];
      for (const sc of sheet.contacts) {
        let i = contacts.findIndex((k) => isRecord(k) && str(k['name']) === sc.name);
        const isNew = i < 0;
        if (isNew) {
          contacts.push({});
          i = contacts.length - 1;
          newContacts++;
          if (!creating) changes.push(`新联系人 ${sc.name}`);
        }
        contactRows.set(i, sc.row);
        const target = contacts[i] as Rec;
        for (const [field, placed] of sc.fields) {
          if (field === 'family' || field === FAMILY_HOBBIES_FIELD) continue;
          assign(target, field, placed, ['contacts', i, field], isNew, sc.name);
        }
        mergeFamily(target, sc, i, isNew);
        if (isNew) contacts[i] = inSchemaOrder(target, ['contacts', i]);
      }
    }
  }

  function mergeFamily(target: Rec, sc: SheetContact, i: number, quiet: boolean): void {
    const members = sc.fields.get('family');
    const hobbies = sc.fields.get(FAMILY_HOBBIES_FIELD);
    if (!members && !hobbies) return;
    const path: PathSegment[] = ['contacts', i, 'family'];
    const current = target['family'];
    if (current !== undefined && !(Array.isArray(current) && current.every(isRecord))) {
      const at = existing?.source.locate(path) ?? { line: 1, column: 1 };
      issues.push(sheetIssue('error', { kind: 'file', file: existing?.display ?? '', ...at }, labelAt(customerSchema, path), 'bad-existing', '文件里的家庭成员不是“关系、姓名……”的列表，无法合并表格里的内容：请先修正这个文件', sheet.name));
      return;
    }
    const old = (current ?? []) as Rec[];
    let family: Rec[];
    if (members) {
      origins.set(formatPath(path), members);
      const used = new Set<Rec>();
      family = (members.raw as FamilyMember[]).map((m, j) => {
        const match = old.find((o) => !used.has(o) && (m.name !== undefined ? str(o['name']) === m.name : sameKin(str(o['relation']) ?? '', m.relation)));
        if (!match) return inSchemaOrder({ ...m }, [...path, j]);
        used.add(match);
        const merged: Rec = { ...match };
        for (const [k, v] of Object.entries(m)) {
          // 妻子 in the file and 妻 in the sheet are the same word: the file's is kept.
          const same = k === 'relation' ? sameKin(str(merged[k]) ?? '', String(v)) : sameMeaning([...path, j, k], merged[k], v);
          if (merged[k] === undefined || !same) merged[k] = v;
        }
        return inSchemaOrder(merged, [...path, j]);
      });
    } else {
      family = structuredClone(old);
    }
    if (hobbies) {
      for (const [key, text] of hobbies.raw as [string, string][]) {
        const byName = family.filter((f) => str(f['name']) === key);
        const hits = byName.length > 0 ? byName : family.filter((f) => sameKin(str(f['relation']) ?? '', key));
        const [hit] = hits;
        if (hits.length > 1) {
          issues.push(sheetIssue('error', cellPlace(hobbies), hobbies.column.label, 'ambiguous-family', `「${key}」对应家庭成员里的 ${hits.length} 个人：请写姓名`, sheet.name));
          continue;
        }
        // With 家庭成员 in the row, it is the whole family: hobbies of someone not in it would bring
        // back, as a relation named after them, a member the row just removed.
        if (!hit && members) {
          issues.push(sheetIssue('error', cellPlace(hobbies), hobbies.column.label, 'unknown-family', `「${key}」不在这一行的家庭成员里：先在家庭成员里写上，或删掉这条爱好`, sheet.name));
          continue;
        }
        const j = hit ? family.indexOf(hit) : family.push({ relation: key }) - 1;
        const member = family[j] as Rec;
        origins.set(formatPath([...path, j, 'hobbies']), hobbies);
        if (member['hobbies'] === undefined || !sameMeaning([...path, j, 'hobbies'], member['hobbies'], text)) member['hobbies'] = likeOld(member['hobbies'], text);
      }
    }
    if (!isDeepStrictEqual(family, target['family'])) {
      target['family'] = family;
      if (!quiet) changes.push(`${(members ?? hobbies)!.column.label}（${sc.name}）`);
    }
  }

  return {
    sheet,
    existing,
    value: creating ? inSchemaOrder(value, []) : value,
    origins,
    contactRows,
    changes,
    newContacts,
    issues,
  };
}

/** Tags written as a YAML list stay a list when the sheet changes them. */
function likeOld(old: unknown, text: unknown): unknown {
  return Array.isArray(old) && typeof text === 'string' ? splitTags(text) : text;
}

function cellPlace(p: Placed): Place {
  return { kind: 'cell', ...p.at };
}

export interface Located {
  readonly place: Place;
  /** The cell the value came from, when it did. */
  readonly placed?: Placed;
}

function hasPath(v: unknown, path: readonly PathSegment[]): boolean {
  let cur = v;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isRecord(cur) && typeof seg === 'string') cur = cur[seg];
    else return false;
    if (cur === undefined) return false;
  }
  return true;
}

/**
 * Where a problem at `path` of the merged record should point: the cell its value came from;
 * else the cell the value should be in (the blank cell of a required field); else the YAML
 * file for a value the sheet did not touch; else the row.
 */
export function locate(m: Merged, path: readonly PathSegment[], layout: ReadonlyMap<string, ReadonlyMap<string, number>>): Located {
  for (let n = path.length; n > 0; n--) {
    const placed = m.origins.get(formatPath(path.slice(0, n)));
    if (placed) return { place: cellPlace(placed), placed };
  }
  const inFile = (): Located | undefined =>
    m.existing && hasPath(m.existing.value, path) ? { place: { kind: 'file', file: m.existing.display, ...m.existing.source.locate(path) } } : undefined;
  const atRow = (row: RowRef, level: Level, field: string | undefined): Located => {
    const col = field === undefined ? undefined : layout.get(row.sheet)?.get(`${level}.${field}`);
    return { place: col === undefined ? { kind: 'row', ...row } : { kind: 'cell', ...row, col } };
  };
  const [first, index, field] = path;
  if (first === 'contacts' && typeof index === 'number') {
    const row = m.contactRows.get(index);
    if (!row) return inFile() ?? { place: { kind: 'none' } };
    if (typeof field === 'string') return inFile() ?? atRow(row, 'contact', field);
    return atRow(row, 'contact', 'name');
  }
  const firstRow = m.sheet.rows[0] as RowRef;
  if (typeof first === 'string' && first !== 'contacts') {
    return inFile() ?? atRow(firstRow, 'customer', first);
  }
  // The whole list of contacts (至少需要一位联系人, 还没有记录决策人): the unit's first row.
  if (first === 'contacts') return atRow(firstRow, 'contact', 'name');
  return inFile() ?? atRow(firstRow, 'customer', 'name');
}
