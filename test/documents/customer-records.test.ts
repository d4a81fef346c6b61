// The customer fields the visit sheet and the card read — required papers, complaints, money
// owed, the card's archive dates — are checked like every field: file, line, field, rule.
import { afterAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import { dataCopy, tempDir } from '../pipeline/build.ts';

const FILE = 'customers/mengyuan-ruye.yaml';
const scratch = tempDir('records');
afterAll(() => scratch.remove());

function issuesAfter(edit: (text: string) => string) {
  const dir = dataCopy(`${scratch.dir}/${Math.random().toString(36).slice(2)}`, FILE, edit);
  return loadData(dir).issues.filter((i) => i.file.endsWith(FILE)).map((i) => [i.line, i.field, i.severity, i.rule, i.message]);
}

describe('customer records', () => {
  it('the sample data has none of these problems', () => {
    expect(issuesAfter((t) => `${t}\n`)).toEqual([]);
  });

  it('required papers and amounts are typed: an unknown paper, too large a sum', () => {
    const issues = issuesAfter((t) => t.replace('  - 食品经营许可证', '  - 卫生许可证').replace('    amount: "88560"\n    due', '    amount: "12,000,000,000"\n    due'));
    expect(issues).toEqual([
      [163, 'requires[1]', 'error', 'schema', '应为以下之一：营业执照、食品经营许可证、检验报告、经销授权书'],
      [176, 'receivables[0].amount', 'error', 'schema', '超出范围：不能超过 10,000,000,000 元'],
    ]);
  });

  it('complaints and receivables: references and rules', () => {
    const issues = issuesAfter((t) =>
      t
        .replace('    product: NX52-JC\n    handling', '    product: NX52-JX\n    handling')
        .replace('    handling: 9 月 16 日上门调换两瓶，此后改用加厚外箱。\n', '')
        .replace('  - date: 2026-09-10\n    amount: "88560"\n    due: 2026-11-30', '  - deal: 2027-chunjie-reli\n    amount: "0"\n    due: 2026-11-30\n  - date: 2026-12-01\n    amount: "500"\n    due: 2026-11-30\n  - amount: "500"\n    due: 2026-11-30'),
    );
    expect(issues).toEqual([
      [167, 'complaints[0].product', 'error', 'unknown-product', '没有编号为「NX52-JX」的产品，是否想写「NX52-JC」？'],
      [168, 'complaints[0].closed', 'warning', 'complaint-handling', '已办结的投诉应写明处理情况（handling）：下次拜访前要读'],
      [174, 'receivables[0].deal', 'error', 'unknown-deal', '方案「2027-chunjie-reli」是客户 qingcheng-reli 的，不是本单位的'],
      [175, 'receivables[0].amount', 'error', 'receivable-zero', '欠款金额为 0：已结清的请整条删去'],
      [179, 'receivables[1].due', 'error', 'receivable-due', '约定付款日早于发生日期'],
      [180, 'receivables[2]', 'error', 'receivable-source', '应写明欠款来自哪个方案（deal）或哪天的货（date）'],
    ]);
  });

  it('the card: dates in order, a review with who and when', () => {
    const issues = issuesAfter((t) => t.replace('      updatedOn: 2026-10-20', '      updatedOn: 2024-10-20').replace('      reviewedOn: 2026-11-18\n', ''));
    expect(issues).toEqual([
      [57, 'contacts[0].card.updatedOn', 'error', 'card-dates', '最近更新早于建卡日期'],
      [expect.any(Number), 'contacts[1].card.reviewedBy', 'warning', 'card-review', '主管审核要同时写审核人（reviewedBy）和审核日期（reviewedOn）'],
    ]);
  });
});
