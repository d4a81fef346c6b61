// The spreadsheet's columns: which field of the data model each header names, how a cell of
// it is read, and what the header note says. Labels come from the schema (src/data/schema.ts),
// never typed here, so a renamed field renames its column too.
import type { z } from 'zod';
import { labelAt, schemaAt } from '../data/labels.ts';
import type { PathSegment } from '../data/issues.ts';
import { customerSchema } from '../data/schema.ts';
import { RANKS } from '../domain/classify.ts';
import { MILITARY_RANKS, POLICE_RANKS } from '../domain/ranks.ts';

/** How a cell is read and described; the data model decides whether the value is valid. */
export type ColumnKind =
  | 'text' | 'plain' | 'enum' | 'rank' | 'postcode' | 'phone' | 'mobile' | 'email' | 'url'
  | 'wechat' | 'int' | 'money' | 'date' | 'tags' | 'list' | 'family' | 'familyHobbies';

export type Level = 'customer' | 'contact';

export interface Column {
  /** Stable name for code and --json, e.g. customer.postcode, contact.mobile. */
  readonly key: string;
  readonly level: Level;
  /** The field of the customer (level customer) or of a contact (level contact). */
  readonly field: string;
  readonly label: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
  /** The values an enumerated field accepts, from the schema. */
  readonly allowed: readonly string[] | undefined;
  /** Beyond the 26 columns of the agreed layout (domain.md §6); optional in any sheet. */
  readonly extra: boolean;
}

/**
 * 家人爱好 is a column of the customer card (domain.md §5) but not a field of its own: it is
 * the hobbies of each family member, contacts[].family[].hobbies, whose label is 爱好.
 */
export const FAMILY_HOBBIES_LABEL = '家人爱好';
export const FAMILY_HOBBIES_FIELD = 'familyHobbies';

type Spec = readonly [level: Level, field: string, kind: ColumnKind];

// The agreed layout, in the order the template and the export write it.
const STANDARD: readonly Spec[] = [
  ['customer', 'name', 'plain'],
  ['customer', 'system', 'enum'],
  ['customer', 'status', 'enum'],
  ['customer', 'address', 'plain'],
  ['customer', 'postcode', 'postcode'],
  ['customer', 'phone', 'phone'],
  ['customer', 'website', 'url'],
  ['customer', 'headcount', 'int'],
  ['customer', 'expectedAnnualPurchase', 'money'],
  ['contact', 'name', 'plain'],
  ['contact', 'role', 'enum'],
  ['contact', 'title', 'text'],
  ['contact', 'rank', 'rank'],
  ['contact', 'officePhone', 'phone'],
  ['contact', 'homePhone', 'phone'],
  ['contact', 'mobile', 'mobile'],
  ['contact', 'email', 'email'],
  ['contact', 'homeAddress', 'plain'],
  ['contact', 'homePostcode', 'postcode'],
  ['contact', 'birthday', 'date'],
  ['contact', 'anniversary', 'date'],
  ['contact', 'family', 'family'],
  ['contact', 'hobbies', 'tags'],
  ['contact', FAMILY_HOBBIES_FIELD, 'familyHobbies'],
  ['contact', 'purchasedProducts', 'list'],
  // 备注 is also the label of the customer's own notes; in a sheet with one row per contact
  // it is the contact's (the card of domain.md §5 is one per contact).
  ['contact', 'notes', 'text'],
];

// Scalar fields of the model a team's sheet often has as well; accepted and exported.
const EXTRA: readonly Spec[] = [
  ['customer', 'accountManager', 'text'],
  ['customer', 'economy', 'enum'],
  ['customer', 'welfareEmphasis', 'enum'],
  ['customer', 'chance', 'enum'],
  ['contact', 'gender', 'enum'],
  ['contact', 'salutation', 'plain'],
  ['contact', 'wechat', 'wechat'],
  ['customer', 'id', 'text'],
];

/** The path of a column's field inside a customer record (contact fields under contacts[0]). */
export function modelPath(level: Level, field: string): PathSegment[] {
  return level === 'customer' ? [field] : ['contacts', 0, field];
}

interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly entries?: Record<string, string>;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function enumValues(s: z.ZodType | undefined): string[] | undefined {
  for (let cur = s; cur; ) {
    const def = defOf(cur);
    if (def.type === 'enum' && def.entries) return Object.values(def.entries);
    cur = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

function build(spec: Spec, extra: boolean): Column {
  const [level, field, kind] = spec;
  if (field === FAMILY_HOBBIES_FIELD) {
    return { key: `${level}.${field}`, level, field, label: FAMILY_HOBBIES_LABEL, kind, required: false, allowed: undefined, extra };
  }
  const path = modelPath(level, field);
  const schema = schemaAt(customerSchema, path);
  const label = labelAt(customerSchema, path);
  if (!schema || label === '') throw new Error(`导入列 ${level}.${field} 不在数据模型里`);
  return {
    key: `${level}.${field}`,
    level,
    field,
    label,
    kind,
    // The id is made from the unit name when the sheet leaves it out.
    required: field !== 'id' && defOf(schema).type !== 'optional',
    allowed: enumValues(schema),
    extra,
  };
}

export const COLUMNS: readonly Column[] = [...STANDARD.map((s) => build(s, false)), ...EXTRA.map((s) => build(s, true))];

const byLabel = new Map(COLUMNS.map((c) => [c.label, c]));
if (byLabel.size !== COLUMNS.length) throw new Error('导入列的表头有重复');

export const UNIT_NAME = byLabel.get(labelAt(customerSchema, ['name'])) as Column;
export const CONTACT_NAME = byLabel.get(labelAt(customerSchema, ['contacts', 0, 'name'])) as Column;

/** Header text as people type it: spaces, a required mark (*) and full-width forms removed. */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s*]/g, '').replace(/[（(]必填[)）]$/, '');
}

export function columnByHeader(text: string): Column | undefined {
  return byLabel.get(normaliseHeader(text));
}

const KIND_NOTES: Record<ColumnKind, string> = {
  text: '文本。',
  plain: '文本；电话请填在电话栏，不要混在这里。',
  enum: '从下拉列表里选：',
  rank: `党政、执法、金融等单位填公务员职级：${RANKS.join('、')}。军警单位还可以填军队职级（${MILITARY_RANKS.join('、')}）或警衔、警员职务（${POLICE_RANKS.join('、')}）。企业填本单位的职级，写法不限。`,
  postcode: '6 位数字，可以 0 开头（如 010010）。本列是文本格式，开头的 0 不会丢。',
  phone: '带区号的固定电话（如 0851-86661234；区号后的 — 或 － 导入后存为 -）、11 位手机号或 400 电话；一格只填一个号码。',
  mobile: '11 位手机号，可带 +86（如 13812345678）；一格只填一个号码。',
  wechat: '6–20 位，以字母开头，可用字母、数字、下划线和减号（如 wang_qiang88）；也可以填微信绑定的手机号。微信号不能代替电话：每位联系人仍要有一个电话。',
  email: '如 name@example.com。',
  url: '如 www.example.com。',
  int: '整数。',
  money: '金额（元），如 60000 或 12345.60。',
  date: '公历：1975-03-08、1975/3/8、1975.3.8、1975年3月8日、一九七五年三月八日、3月8日；农历：农历八月十五、农历1975年八月十五、农历闰四月初八。也可以是 Excel 日期（1900-03-01 以后）。1975.3.8 和中文数字的写法导入后存为 1975-03-08。',
  tags: '多项用顿号分隔，如 钓鱼、书法。',
  list: '产品编号（见 products/），多个用顿号分隔，如 P-1、P-2。',
  family: '每人一段，用分号或换行分开，写成 关系：姓名（生日），姓名和生日可以省略。如 妻子：王芳（农历三月初八）；儿子：张小明（2005-06-01）。',
  familyHobbies: '每人一段，用分号或换行分开，写成 姓名或关系：爱好。如 王芳：书法、太极；儿子：篮球。',
};

/** The header note: required or not, format, allowed values, and how unit columns repeat. */
export function columnNote(c: Column): string {
  const lines = [`${c.label}${c.required ? '（必填）' : '（可不填）'}`];
  lines.push(c.kind === 'enum' && c.allowed ? `${KIND_NOTES.enum}${c.allowed.join('、')}。` : KIND_NOTES[c.kind]);
  if (c === UNIT_NAME) lines.push('一行一位联系人；单位名称相同的行合成一个客户。已有的单位会被更新，不会重复建立。');
  else if (c.level === 'customer') lines.push('单位信息：同一单位的各行填相同内容，或只在其中一行填写。');
  if (c.field === 'id' && c.level === 'customer') lines.push('新客户的文件名；不填时自动生成。已有客户不能改编号。');
  lines.push('空着的格子表示“不改动”：已有的内容会保留。');
  return lines.join('\n');
}
