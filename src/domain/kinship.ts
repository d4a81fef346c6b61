// Kinship words (domain.md §15): offices write them long and short — 妻 / 妻子 / 爱人, 夫 / 丈夫,
// 子 / 儿子, 女 / 女儿, 父 / 父亲, 母 / 母亲 — and each form names the same person.

const FORMS: ReadonlyMap<string, string> = new Map([
  ['妻', '妻'], ['妻子', '妻'],
  ['夫', '夫'], ['丈夫', '夫'],
  ['子', '子'], ['儿子', '子'],
  ['女', '女'], ['女儿', '女'],
  ['父', '父'], ['父亲', '父'],
  ['母', '母'], ['母亲', '母'],
]);

/** 爱人 is the spouse of either sex: it names the 妻 of a man and the 夫 of a woman. */
const SPOUSE = '爱人';

function kinOf(word: string): string {
  const w = word.trim();
  return FORMS.get(w) ?? w;
}

/** Whether two kinship words name the same member of a family. */
export function sameKin(a: string, b: string): boolean {
  const [x, y] = [kinOf(a), kinOf(b)];
  if (x === y) return true;
  const spouse = (k: string) => k === '妻' || k === '夫';
  return (x === SPOUSE && spouse(y)) || (y === SPOUSE && spouse(x));
}

/**
 * Words that make someone a relative (亲属) when written after a person's name, as in
 * 「侯建明主任的表弟」: the forms above and the wider family an intermediary usually is.
 */
const RELATIVE_WORDS = [
  '妻', '夫', '爱人', '子', '女', '父', '母', '儿媳', '女婿', '岳父', '岳母', '公公', '婆婆',
  '兄', '弟', '姐', '妹', '哥', '嫂', '姐夫', '妹夫', '弟媳', '连襟', '妯娌',
  '表', '堂', '侄', '甥', '舅', '姑', '姨', '叔', '伯', '婶', '孙', '外孙', '亲戚', '亲属', '家属',
];
/** Close associates (密切关系人): people whose word weighs with the person as a relative's does. */
const ASSOCIATE_WORDS = ['同学', '战友', '老乡', '同乡', '朋友', '好友', '发小', '老同事', '合伙人', '秘书', '司机', '干亲', '结拜'];

export type Tie = '亲属' | '密切关系人';

export interface TiedPerson {
  readonly name: string;
  readonly title?: string | undefined;
}

/**
 * How `relation` (an intermediary's 与单位关系) ties its subject to `person`: the person named —
 * by full name, or surname and title (吴总经理) — followed by a kinship or associate word
 * (「贺立新董事长的老战友」). Undefined when the text names the person with neither.
 */
export function tieTo(relation: string, person: TiedPerson): { tie: Tie; word: string } | undefined {
  const titles = (person.title ?? '').split(/[、,，\s]+/).filter((t) => t.length >= 2);
  const mentions = [person.name, ...titles.map((t) => `${[...person.name][0]}${t}`)];
  for (const mention of mentions) {
    const at = relation.indexOf(mention);
    if (at < 0) continue;
    // What is said of the person: after the name (and a title) up to the next clause, and
    // of that the words after 的 (「主任的表弟」 → 表弟), which name the tie as written.
    const said = relation.slice(at + mention.length).split(/[，,；;。（(]/)[0] ?? '';
    const phrase = said.slice(said.lastIndexOf('的') + 1).trim();
    if (ASSOCIATE_WORDS.some((w) => phrase.includes(w))) return { tie: '密切关系人', word: phrase };
    if (RELATIVE_WORDS.some((w) => phrase.includes(w))) return { tie: '亲属', word: phrase };
  }
  return undefined;
}
