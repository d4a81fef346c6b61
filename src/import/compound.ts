// The cells that hold more than one value: lists (顿号-separated), family members and their
// hobbies. Each has one written form, which the export writes and the import reads back.

/** Items of a list cell: 顿号, commas, semicolons, spaces or line breaks between them. */
export function splitList(text: string): string[] {
  return text.split(/[、,，;；\s]+/).map((s) => s.trim()).filter((s) => s !== '');
}

export function joinList(items: readonly string[]): string {
  return items.join('、');
}

/** Tags are kept as written (a text or a YAML list); a list is shown as text. */
export function tagsText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && raw.every((t) => typeof t === 'string')) return joinList(raw);
  return undefined;
}

const SEGMENTS = /[；;\n]+/;

/** A family member as the YAML data holds it (every value text). */
export interface FamilyMember {
  relation: string;
  name?: string;
  birthday?: string;
  hobbies?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const MEMBER = /^([^：:（(]+?)\s*(?:[：:]\s*([^（(]*?))?\s*(?:[（(]([^）)]*)[）)])?$/;

/**
 * 妻子：王芳（农历三月初八）；儿子：张小明（2005-06-01）；母亲 — one member per segment,
 * 关系：姓名（生日） with name and birthday optional. 妻子 王芳 (a space) is read as well.
 */
export function parseFamily(text: string): Parsed<FamilyMember[]> {
  const members: FamilyMember[] = [];
  for (const raw of text.split(SEGMENTS).map((s) => s.trim()).filter(Boolean)) {
    let segment = raw;
    if (!/[：:（(]/.test(segment)) segment = segment.replace(/\s+/, '：');
    const m = MEMBER.exec(segment);
    if (!m || !m[1]) {
      return { ok: false, message: `「${raw}」写法不对：每人写成 关系：姓名（生日），如 妻子：王芳（农历三月初八），多人用分号分开` };
    }
    const [, relation = '', name, birthday] = m;
    members.push({
      relation: relation.trim(),
      ...(name?.trim() ? { name: name.trim() } : {}),
      ...(birthday?.trim() ? { birthday: birthday.trim() } : {}),
    });
  }
  return { ok: true, value: members };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The family cell of a contact's raw family list; undefined when it cannot be written back. */
export function familyText(raw: unknown): string | undefined {
  if (!Array.isArray(raw)) return undefined;
  const parts: string[] = [];
  for (const m of raw as Record<string, unknown>[]) {
    const relation = str(m?.['relation']);
    if (relation === undefined) return undefined;
    const name = str(m['name']);
    const birthday = str(m['birthday']);
    parts.push(`${relation}${name === undefined ? '' : `：${name}`}${birthday === undefined ? '' : `（${birthday}）`}`);
  }
  return parts.join('；');
}

/** 王芳：书法、太极；儿子：篮球 — keyed by the member's name, or by relation when unnamed. */
export function parseFamilyHobbies(text: string): Parsed<[key: string, hobbies: string][]> {
  const out: [string, string][] = [];
  for (const raw of text.split(SEGMENTS).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^：:]+)[：:](.*)$/.exec(raw);
    const key = m?.[1]?.trim();
    const hobbies = m?.[2]?.trim();
    if (!key || !hobbies) {
      return { ok: false, message: `「${raw}」写法不对：每人写成 姓名或关系：爱好，如 王芳：书法、太极，多人用分号分开` };
    }
    out.push([key, hobbies]);
  }
  return { ok: true, value: out };
}

export function familyHobbiesText(raw: unknown): string | undefined {
  if (!Array.isArray(raw)) return undefined;
  const parts: string[] = [];
  for (const m of raw as Record<string, unknown>[]) {
    let hobbies = tagsText(m?.['hobbies']);
    if (hobbies === undefined) continue;
    // Semicolons separate members in this cell; the hobbies' own are written as 顿号.
    if (/[；;\n]/.test(hobbies)) hobbies = joinList(hobbies.split(/[、,，;；\n]+/).map((t) => t.trim()).filter(Boolean));
    const key = str(m['name']) ?? str(m['relation']);
    if (key === undefined) return undefined;
    parts.push(`${key}：${hobbies}`);
  }
  return parts.join('；');
}
