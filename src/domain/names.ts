// How a person is addressed in a letter: 尊敬的 + surname + title (王局长), the usual form.
// Compound surnames are kept whole (欧阳局长, not 欧局长). A name written with a middle dot
// (维吾尔、哈萨克 names such as 买买提·艾力) has no surname to take: the whole name is used.
// Where the surname cannot be told from the name (蒙古族 names such as 巴特尔), the contact's
// own 称呼 in the data says it. A deputy is addressed without 副 (乔副局长 → 乔局长, 党委副书记 →
// 书记): common courtesy; the full title stays on the envelope and in lists.

/** The 复姓 of the 百家姓 still met today. */
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(
  ('欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳 ' +
    '公冶 太叔 申屠 公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 ' +
    '颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 拓跋 夹谷 轩辕 令狐 段干 百里 呼延 东郭 南门 羊舌 微生 ' +
    '梁丘 左丘 东门 西门 第五 南荣 东里 即墨 达奚 褚师').split(' '),
);

const MIDDLE_DOTS = /[·•・‧]/;

/** How to address the person by name: the surname, or the whole name when it has no surname to take. */
function addressName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0 || MIDDLE_DOTS.test(name)) return name.trim();
  const two = chars.slice(0, 2).join('');
  if (chars.length > 2 && COMPOUND_SURNAMES.has(two)) return two;
  return chars[0]!;
}

/** The office a salutation names: the first of several (党组书记、局长 → 党组书记), without 副 and what precedes it. */
function addressTitle(title: string): string {
  const first = title.trim().split(/[、，,／/；;]|兼/)[0]!.trim();
  const office = first.replace(/^.*副/, '');
  return office === '' ? first : office;
}

/** The salutation of a letter to `head` (the unit's decision maker, if known) of `unit`. */
export function salutationFor(head: { name: string; title?: string | undefined; salutation?: string | undefined } | undefined, unit: string): string {
  if (head?.salutation) return `尊敬的${head.salutation.replace(/^尊敬的/, '')}`;
  if (head?.title) return `尊敬的${addressName(head.name)}${addressTitle(head.title)}`;
  return `尊敬的${unit}领导`;
}
