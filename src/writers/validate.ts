// The last check before bytes are written: characters no format can carry safely. Missing
// glyphs are the caller's decision (checkDocGlyphs); these are never acceptable.
import type { Doc } from '../document/model.ts';
import { docTexts, refusedCharProblems } from '../fonts/index.ts';
import { pageRefTargets } from './inline.ts';

export function assertWritable(doc: Doc): void {
  if (doc.sections.length === 0) throw new Error('文档没有任何内容');
  // Paths and code points only: the text itself may be personal data.
  const problems = [...docTexts(doc)].flatMap(({ path, text }) =>
    refusedCharProblems(text).map((p) => `${path} 第 ${p.index + 1} 个字符：${p.codePoint} ${p.reason}`),
  );
  if (problems.length > 0) throw new Error(`文档含有不能写入的字符：\n${problems.join('\n')}`);
  const missing = [...pageRefTargets(doc)].filter((s) => !(s >= 0 && s < doc.sections.length));
  if (missing.length > 0) throw new Error(`页码引用指向不存在的部分：#part-${missing.join('、#part-')}（文档共 ${doc.sections.length} 个部分，从 0 数起）`);
}
