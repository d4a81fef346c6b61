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
