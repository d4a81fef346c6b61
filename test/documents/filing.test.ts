// Papers a purchasing office can file (issue 18), read from the text of the PDF and the .docx:
// worded for what the wine is for, the quote and reply slip with what a 比价 needs, one price
// per product for the quantity ordered, the headcount the allocation covers, and letters that
// recommend what fits the unit.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument, openWorkspace, renderDocument, type DocumentRequest } from '../../src/app/index.ts';
import { loadData } from '../../src/data/load.ts';
import { moneyInWords } from '../../src/domain/money.ts';
import { DATA, dataCopy, tempDir } from '../pipeline/build.ts';
import { docxText, pdfPages } from '../writers/text.ts';

const TODAY = '2026-11-24';
const data = loadData(DATA);
const scratch = tempDir('filing');
afterAll(scratch.remove);

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** Each page of the PDF and the whole .docx, without whitespace (layout may break a line anywhere). */
async function texts(request: DocumentRequest, dataDir = DATA): Promise<{ pages: string[]; pdf: string; docx: string }> {
  const ws = openWorkspace({ data: dataDir });
  const built = buildDocument(ws, request);
  const [pdf, docx] = await Promise.all([renderDocument(ws, built, 'pdf'), renderDocument(ws, built, 'docx')]);
  const pages = (await pdfPages(pdf)).map(squeeze);
  return { pages, pdf: pages.join(''), docx: squeeze(await docxText(docx)) };
}

async function inBoth(request: DocumentRequest, expectation: (text: string, format: string) => void, dataDir = DATA): Promise<void> {
  const t = await texts(request, dataDir);
  expectation(t.pdf, 'pdf');
  expectation(t.docx, 'docx');
}

const proposal = (customer: string): DocumentRequest => ({ kind: 'proposal', customer, today: TODAY });

/** ¥12,345.60 from fen, written out here rather than by the code under test. */
const yuan = (fen: number): string => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

describe('worded for the occasion', () => {
  it.each([
    ['mengyuan-ruye', '2027年春节职工福利用酒团购方案', '单位发放福利，既要让职工满意'],
    ['qcxq-jiedai-zhongxin', '接待用酒团购方案', '接待用酒讲究品质稳定、价格透明、按需供应'],
    ['beijiang-nongshang-qc', '礼品用酒团购方案', '单位赠送客户的礼品，体现的是单位的诚意和形象'],
    ['chilechuan-jiangong', '会议用酒团购方案', '会议用酒讲究按时送到、数量充足、品质稳定'],
  ])('%s: %s', async (customer, title, sentence) => {
    await inBoth(proposal(customer), (text, format) => {
      expect(text, format).toContain(title);
      expect(text, format).toContain(sentence);
      if (!title.includes('职工福利')) expect(text, format).not.toMatch(/职工福利|福利发放|人均分配建议/);
    });
  });

  it('a 礼品 deal shares its bottles out by recipient, not by staff post', async () => {
    await inBoth(proposal('beijiang-nongshang-qc'), (text, format) => {
      expect(text, format).toContain('四、礼品分配建议');
      expect(text, format).toContain('本次按贵单位赠送客户的礼品测算，共60箱360瓶。');
      expect(text, format).not.toContain('按岗位');
    });
  });

  it('a 婚宴 deal reads as a wedding', async () => {
    const copy = dataCopy(path.join(scratch.dir, 'wedding'), 'deals/2026-huiyi-jiangong.yaml', (t) => t.replace('occasion: 会议', 'occasion: 婚宴'));
    await inBoth(proposal('chilechuan-jiangong'), (text, format) => {
      expect(text, format).toContain('婚宴用酒团购方案');
      expect(text, format).toContain('婚宴用酒是喜事的一部分');
      expect(text, format).not.toMatch(/会议用酒|按贵单位的会议/);
    }, copy);
  });

  it('a prospect (人民医院, 潜在) is not written to as an old customer; a customer who bought is thanked', async () => {
    expect(data.customers.get('qcxq-renmin-yiyuan')?.status).toBe('潜在');
    await inBoth(proposal('qcxq-renmin-yiyuan'), (text, format) => {
      expect(text, format).not.toMatch(/一直以来|继续合作|承蒙/);
      expect(text, format).toContain('期待与贵单位建立长期、稳定的合作。');
    });
    await inBoth(proposal('mengyuan-ruye'), (text, format) => {
      expect(text, format).toContain('也感谢贵单位一直以来对青城醇源的信任和支持。');
      expect(text, format).toContain('期待与贵单位继续合作。');
    });
  });
});

describe('what a purchasing office needs to file it', () => {
  // The bank's 礼品 deal: 40 cases of JIX45-ZH and 20 of QX53-YJ, 6 a case, 3 % off with approval.
  const deal = data.deals.get('2026-lipin-nongshang')!;
  const lines = deal.items.map((item) => {
    const p = data.products.get(item.product)!;
    const bottles = (item.cases ?? 0) * p.bottlesPerCase + (item.bottles ?? 0);
    // The dearest tier's price the quantity reaches, read off the tier list here.
    const price = p.groupPrices.filter((t) => t.minBottles <= bottles).at(-1)!.price;
    return { name: p.name, bottles, price, amount: bottles * price };
  });
  const group = lines.reduce((n, l) => n + l.amount, 0);
  const total = group - Math.round((group * 3) / 100);

  it('the figures are the ones worked out here', () => {
    expect(lines.map((l) => [l.bottles, l.price])).toEqual([[240, 222_00], [120, 195_00]]);
    expect(total).toBe(74_379_60);
  });

  it('the quote alone: a 报价单 page a 比价 can file, then the 订购确认单 the unit signs and returns', async () => {
    const { pages, docx } = await texts({ kind: 'quote', customer: 'beijiang-nongshang-qc', today: TODAY });
    expect(pages).toHaveLength(2);
    const [quote, slip] = pages as [string, string];
    for (const [text, format] of [[quote, 'pdf'], [docx, 'docx']] as const) {
      expect(text, format).toContain('报价单');
      expect(text, format).toContain('采购单位北疆农村商业银行青城支行');
      expect(text, format).toContain('报价编号2026-lipin-nongshang');
      expect(text, format).toContain('报价日期2026年11月24日');
      for (const l of lines) expect(text, `${format} ${l.name}`).toContain(squeeze(`${l.name}`));
      for (const l of lines) expect(text, format).toContain(`瓶${l.bottles}${yuan(l.price)}${yuan(l.amount)}`);
      expect(text, format).toContain(`合计360${yuan(total)}`);
      expect(text, format).toContain(`合计金额（大写）人民币${moneyInWords(total)}`);
      expect(moneyInWords(total)).toBe('柒万肆仟叁佰柒拾玖元陆角整');
      expect(text, format).toContain(`合计金额（小写）${yuan(total)}`);
      expect(text, format).toContain('报价有效期至2026年12月31日');
      expect(text, format).toContain('发票开具增值税专用发票，以上价格均含增值税（税率13%）');
      expect(text, format).toContain('付款方式签订合同后5个工作日内预付30%，全部送达验收后凭专用发票15日内付清余款，对公转账。');
      expect(text, format).toContain('联系人李晓燕（团购部客户经理）联系电话13847126602');
      expect(text, format).toContain('报价单位（盖章）：内蒙古青城醇源酒业有限公司经办人（签字）：');
    }
    for (const [text, format] of [[slip, 'pdf'], [docx, 'docx']] as const) {
      expect(text, format).toContain('订购确认单（回执）');
      expect(text, format).toContain('我单位同意按贵公司报价（编号2026-lipin-nongshang）订购以下产品：');
      expect(text, format).toContain(`合计360${yuan(total)}`);
      for (const blank of ['送货地址', '收货人及电话', '要求送达日期年月日', '采购单位（盖章）经办人（签字）日期']) expect(text, format).toContain(blank);
    }
  });

  it('the proposal lists our licences, the invoice, the payment terms, and ends with the same two pages', async () => {
    const { pages, docx } = await texts(proposal('beijiang-nongshang-qc'));
    const pdf = pages.join('');
    for (const [text, format] of [[pdf, 'pdf'], [docx, 'docx']] as const) {
      expect(text, format).toContain('企业资质');
      for (const q of data.company!.qualifications!) expect(text, `${format} ${q.name}`).toContain(squeeze(`${q.name}${q.number}`));
      expect(text, format).toContain('食品经营许可证JY115010500123452029年6月30日');
      expect(text, format).toContain('发票开具增值税专用发票');
    }
    expect(pages.at(-2)).toContain('报价单');
    expect(pages.at(-1)).toContain('订购确认单（回执）');
  });

  it('a deal naming no invoice offers the ones the company issues, and the company’s payment terms', async () => {
    await inBoth(proposal('mengyuan-ruye'), (text, format) => {
      expect(text, format).toContain('发票可开具增值税专用发票或增值税普通发票，以上价格均含增值税（税率13%）');
      expect(text, format).toContain('付款方式货到验收后凭发票30日内转账结算，不收现金。');
    });
  });
});

describe('one price per product for the quantity ordered', () => {
  // 蒙源: 10 cases (60 bottles) of 珍藏酱香, whose tiers are 798 / 768 (60+) / 738 (120+) / 708 (600+).
  it('the product pages quote the price the price table uses, and no other tier', async () => {
    await inBoth(proposal('mengyuan-ruye'), (text, format) => {
      expect(text, format).toContain('本方案订购10箱60瓶，团购价每瓶¥768.00，比零售价优惠11.5%。');
      expect(text, format).toContain('团购价¥768.00/瓶（本方案60瓶）约¥780.00/瓶');
      expect(text, format).toContain('本方案订购270箱1620瓶，团购价每瓶¥238.00');
      for (const other of ['¥738', '¥708', '¥798', '738元', '瓶起', '瓶以上']) expect(text, `${format} ${other}`).not.toContain(other);
    });
  });

  it('a 360-bottle deal is quoted no 600-bottle tier (接待中心)', async () => {
    await inBoth(proposal('qcxq-jiedai-zhongxin'), (text, format) => {
      expect(text, format).not.toMatch(/600瓶|¥238\.00|¥70\.00/);
      expect(text, format).toContain('团购价¥248.00/瓶（本方案120瓶）');
    });
  });

  it('the product sheet of a deal quotes that price only; without a deal, its tiers', async () => {
    await inBoth({ kind: 'product', customer: 'mengyuan-ruye', today: TODAY, product: 'JX53-ZC' }, (text, format) => {
      expect(text, format).toContain('订购数量团购价（元/瓶）比零售价优惠10箱60瓶¥768.0011.5%');
      expect(text, format).not.toMatch(/¥738|¥708|¥798/);
    });
    await inBoth({ kind: 'product', customer: 'qcxq-xiaofang-dadui', today: TODAY, product: 'JX53-ZC' }, (text, format) => {
      expect(text, format).toContain('1箱6瓶起¥798.00');
      expect(text, format).toContain('100箱600瓶起¥708.00');
      expect(text, format).toContain('团购价¥708.00至¥798.00/瓶，按订购量约¥780.00/瓶');
    });
  });

  it('no sample product writes a price in its texts', () => {
    expect(data.issues.filter((i) => i.rule === 'price-in-text')).toEqual([]);
  });
});

describe('headcount', () => {
  // 蒙源: 870 staff, the allocation 12 + 36 + 810 = 858 people; the widest tier gives 2 bottles each.
  it('check warns at the allocation, with file, line and field', () => {
    const warned = data.issues.filter((i) => i.rule === 'allocation-headcount').map((i) => [path.relative(DATA, i.file), i.line, i.field, i.severity, i.message]);
    expect(warned).toContainEqual(['deals/2027-chunjie-mengyuan.yaml', 11, 'allocation', 'warning', '人均分配共 858 人，客户登记的职工人数是 870 人（少 12 人）：建议书会写明按 858 人配置']);
  });

  it('the proposal says whom it covers and what the others would need', async () => {
    await inBoth(proposal('mengyuan-ruye'), (text, format) => {
      expect(text, format).toContain('贵单位现有职工约870人。');
      expect(text, format).toContain('本方案按858人配置，另12人未列入分配；如需同样发放，可按“一线职工”每人2瓶的标准追加24瓶。');
    });
  });

  it('more people than the unit has', async () => {
    const copy = dataCopy(path.join(scratch.dir, 'more'), 'deals/2027-chunjie-mengyuan.yaml', (t) => t.replace('people: "810"', 'people: "830"'));
    expect(loadData(copy).issues.find((i) => i.rule === 'allocation-headcount')?.message).toContain('（多 8 人）');
    await inBoth(proposal('mengyuan-ruye'), (text, format) => expect(text, format).toContain('本方案按878人配置，比贵单位职工人数多8人，请按实际发放人数核定数量。'), copy);
  });
});

describe('letters recommend what fits the unit', () => {
  const letter = (customer: string): DocumentRequest => ({ kind: 'letter', customer, today: TODAY, festival: { name: '春节', year: 2027 } });
  const TOP = '珍藏酱香';

  it('within the budget a head the unit stated (税务局: 26,800 元 for 168 people, 159 元 a head), dearest first', async () => {
    await inBoth(letter('qcxq-shuiwuju'), (text, format) => {
      expect(text, format).not.toContain(TOP);
      expect(text, format).toMatch(/柔和浓香.*敕勒川·清香.*桂韵米香/);
      expect(text, format).not.toMatch(/原浆清香|中和兼香|窖藏浓香/);
    });
  });

  it('an official unit with no budget on record is not offered the top grade (消防大队, 军警)', async () => {
    await inBoth(letter('qcxq-xiaofang-dadui'), (text, format) => {
      expect(text, format).not.toContain(TOP);
      expect(text, format).toContain('中和兼香');
    });
  });

  it('an offer’s products are priced as the offer prices them (热力: 1260 bottles of 窖藏浓香 at ¥238.00)', async () => {
    await inBoth(letter('qingcheng-reli'), (text, format) => {
      expect(text, format).toContain('¥298.00¥238.00');
      expect(text, format).not.toContain('¥238.00起');
    });
  });
});
