// The visit sheet written from where the customer is (issue 18): everyone the visit concerns,
// the history (overdue step, complaints, money owed, welfare, purchases), one plan that follows
// from the visits made and the deal, and materials for the purpose and for the unit's rules.
// Read from the PDF's and the .docx's text; dates and sums recomputed here from the data.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import type { Doc, Inline } from '../../src/document/model.ts';
import { followUp, planFor } from '../../src/letters/schedule.ts';
import { openDeal } from '../../src/views/build.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { DATA, renderDoc } from '../pipeline/build.ts';
import { docxText, pdfPages } from '../writers/text.ts';

const VISIT_DAY = '2026-12-03';
const assetsDir = path.join(DATA, 'assets');
const squeeze = (s: string) => s.replace(/\s+/gu, '');
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The sheet's text as the PDF and as the .docx give it, whitespace removed. */
async function texts(doc: Doc): Promise<string[]> {
  return [squeeze((await pdfPages(await writePdf(doc, { assetsDir }))).join('')), squeeze(await docxText(await writeDocx(doc, { assetsDir })))];
}

function runs(doc: Doc): Extract<Inline, { type: 'text' }>[] {
  const out: Extract<Inline, { type: 'text' }>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['type'] === 'text' && typeof o['text'] === 'string') out.push(o as unknown as Extract<Inline, { type: 'text' }>);
      else Object.values(o).forEach(walk);
    }
  };
  walk(doc.sections);
  return out;
}

describe('mengyuan-ruye, visited on 2026-12-03', () => {
  let doc: Doc;
  let both: string[];
  beforeAll(async () => {
    doc = renderDoc('visit', 'mengyuan-ruye', { today: VISIT_DAY }).doc;
    both = await texts(doc);
  });

  it('lists everyone the visit concerns, the 工会主席 with her birthday on the visit day marked in bold', () => {
    for (const text of both) {
      // 其木格 (工会主席, birthday 1975-12-03) and 刘海军 (采购, met on 2026-11-16) besides the 决策人.
      expect(text).toContain('张振邦决策人');
      // Her father died on 12-01 (the sample's 丧事 event): her birthday is marked, and not to be congratulated on.
      expect(text).toContain('其木格【今日生日，不宜祝贺】工会主席（11月16日见过）集团工会主席VIP15147106612办0471-7320016');
      expect(text).toContain('刘海军采购（11月16日见过）行政部采购主管');
      expect(text).toContain('【今日】2026年12月3日星期四：生日（12月3日），就是拜访当天；家中有丧事（2026年12月1日），不宜祝贺');
      // Her husband's lunar birthday 农历冬月十二 is 2026-12-20, 17 days on.
      expect(text).toContain(`2026年12月20日星期日：丈夫巴特尔生日（农历冬月十二），${days(VISIT_DAY, '2026-12-20')}天后`);
    }
    const mark = runs(doc).find((r) => r.text.includes('其木格【今日生日，不宜祝贺】'));
    expect(mark?.bold).toBe(true);
  });

  it('shows the history: the overdue next step, complaints, money owed, welfare by date, purchases', () => {
    for (const text of both) {
      expect(text).toContain(`修改合同条款，12月初签约。（2026年12月2日）已逾期${days('2026-12-02', VISIT_DAY)}天`);
      expect(text).toContain('2026年11月20日土默特左旗工厂反映中秋送货比约定晚到半天，职工下班前才发完。已向物流核实，春节送货提前一天出车，到货前电话通知工会。未办结');
      expect(text).toContain('2026年9月15日和林格尔牧场收到的中秋福利酒有一箱外箱破损，两瓶渗漏。（青城醇源·窖藏浓香52度）9月16日上门调换两瓶，此后改用加厚外箱。已办结');
      expect(text).toContain(`应收欠款：合计¥88,560.00`);
      expect(text).toContain(`2026年9月10日的货款¥88,560.002026年11月30日已逾期${days('2026-11-30', VISIT_DAY)}天`);
      const [spring, dragon, moon] = ['2025春节每人浓香白酒两瓶', '2026端午每人粽子礼盒', '2026中秋每人窖藏浓香两瓶'].map((w) => text.indexOf(w));
      expect(spring).toBeGreaterThan(0);
      expect(spring).toBeLessThan(dragon!);
      expect(dragon).toBeLessThan(moon!);
      expect(text).toContain('2026年1月15日青城醇源·窖藏浓香52度1620¥385,560.00其木格');
    }
  });

  it('plans from the fourth visit on, at the contract step, as the mailing follow-up does', () => {
    for (const text of both) {
      expect(text).toContain('本次目的：修改合同条款，12月初签约。（所处阶段：合同）');
      expect(text).toContain('第4次（本次）2026年12月3日星期四商定合同条款，签订供货合同');
      expect(text).toContain('第5次2026年12月10日星期四安排分批送货，确认签收');
      expect(text).toContain('第6次2026年12月17日星期四回访用酒情况，处理售后意见');
      expect(text).not.toContain('第1次');
      expect(text).not.toContain('了解需求，介绍');
    }
    const data = loadData(DATA);
    const customer = data.customers.get('mengyuan-ruye')!;
    const deal = openDeal(data, customer, VISIT_DAY);
    const up = followUp(customer, planFor('春节', 2027, VISIT_DAY, data.policies), VISIT_DAY, data.policies, deal);
    expect(up.visits.map((v) => v.no)).toEqual([4, 5, 6]);
  });

  it('brings the contract draft, the papers the unit requires, the complaint and the statement of account', () => {
    for (const text of both) {
      expect(text).toContain('供货合同草稿两份（方案2027-chunjie-mengyuan，按上次商定的条款改好）、订货单');
      expect(text).toContain('营业执照复印件（加盖公章）');
      expect(text).toContain('食品经营许可证复印件（加盖公章）');
      expect(text).toContain('未办结投诉的处理方案：土默特左旗工厂反映中秋送货比约定晚到半天');
      expect(text).toContain('对账单和发票（应收合计¥88,560.00）');
      expect(text).not.toContain('检验报告复印件');
      expect(text).not.toContain('样酒：');
    }
  });
});

it('a tasting visit brings samples of the products to talk about, and no contract', async () => {
  // qingcheng-ranqi: the last visit agreed 「带两种样酒登门，请工会委员试饮。」
  const { doc } = renderDoc('visit', 'qingcheng-ranqi', { today: '2026-11-24' });
  for (const text of await texts(doc)) {
    expect(text).toContain('本次目的：带两种样酒登门，请工会委员试饮。');
    expect(text).toMatch(/样酒：[^（]*青城醇源[^（]*（包装干净、酒瓶无渗漏，宣传品无破损），品鉴杯/);
    expect(text).not.toContain('供货合同草稿');
  }
});
