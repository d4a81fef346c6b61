// Whether a data set can make documents at all: checked once, before anything is written.
import path from 'node:path';
import type { DataSet } from '../data/dataset.ts';
import { formatIssue } from '../data/issues.ts';
import { DataError } from '../errors.ts';
import { shownPath } from '../util/paths.ts';
import { companyGlyphIssues } from './glyphs.ts';

/**
 * Refuses a data set no document can be made from, before anything is written: a data folder
 * that is not there (a typo in --data would otherwise mail nobody over a finished mailing), a
 * company file with errors or with a character no font here can print (every document's
 * letterhead, signature and sender), a policies file with errors (its defaults would stand in
 * for rules nobody set). A list of customers needs no company.
 */
export function refuseUnusable(data: DataSet, { company = true }: { company?: boolean } = {}): void {
  const noFolder = data.issues.find((i) => i.rule === 'no-data-dir');
  if (noFolder) throw new DataError(`数据文件夹「${noFolder.file}」不存在`, { code: 'no-data-dir' });
  const files = [
    ['company.yaml', '公司资料', 'company-unusable', '文书的抬头、落款、热线和信封的寄信人都取自公司资料'],
    ['policies.yaml', '政策文件', 'policies-unusable', '写错的政策不会改用默认值'],
  ] as const;
  for (const [name, what, code, hint] of company ? files : files.slice(1)) {
    const file = shownPath(path.join(data.dir, name));
    const errors = [...data.errorsIn(file), ...(name === 'company.yaml' ? companyGlyphIssues(data) : [])];
    if (errors.length > 0) throw new DataError(`${what} ${file} 有错误，无法生成文书：\n${errors.map(formatIssue).join('\n')}`, { code, hint, issues: errors });
  }
}
