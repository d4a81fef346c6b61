// A Doc that uses every block type: an internal A4 section with a table long enough to split
// across pages, and an external A5 section. Assets are generated into a temp folder.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Doc, Inline, Section } from '../../src/document/model.ts';
import { encodePng } from '../../src/writers/png.ts';

const t = (text: string, more: Omit<Extract<Inline, { type: 'text' }>, 'type' | 'text'> = {}): Inline => ({
  type: 'text',
  text,
  ...more,
});

export const COMPANY = '示例商贸有限公司';
export const TABLE_HEADER = ['序号', '商品名称', '规格', '数量', '单价（元）'];

/** A 24×16 JPEG (blue stripes), so the JPEG path is exercised without an encoder. */
const JPEG_BASE64 = [
  '/9j/4AAQSkZJRgABAQEADgAOAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdB',
  'RkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09P',
  'T09PT09PT09PT09PT0//wAARCAAQABgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAA',
  'AgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6',
  'Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXG',
  'x8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREA',
  'AgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5',
  'OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPE',
  'xcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwClHVuOqkdW469mZzYUtx0UR0Vyvc92n8J/',
  '/9k=',
].join('');

/** A red ring with a transparent background, like a scanned company seal. */
function sealPng(): Buffer {
  const size = 160;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - size / 2, y - size / 2);
      const ink = (r > 70 && r < 78) || r < 10;
      if (ink) pixels.set([200, 20, 20, 200], (y * size + x) * 4);
    }
  return encodePng(size, size, 4, pixels);
}

function logoPng(): Buffer {
  const [w, h] = [120, 40];
  const pixels = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) pixels.set([30, 80 + x, 160, 255], (y * w + x) * 4);
  return encodePng(w, h, 4, pixels);
}

export async function makeAssets(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tuangou-assets-'));
  await writeFile(join(dir, 'seal.png'), sealPng());
  await writeFile(join(dir, 'logo.png'), logoPng());
  await writeFile(join(dir, 'photo.jpg'), Buffer.from(JPEG_BASE64, 'base64'));
  return dir;
}

const goods = ['五常大米', '东北木耳', '有机小米', '山东花生油', '宁夏枸杞', '云南普洱茶', '新疆红枣', '福建铁观音'];

const internal: Section = {
  page: { size: 'A4', orientation: 'portrait', margins: [25, 25, 25, 25] },
  font: 'serif',
  audience: 'internal',
  header: COMPANY,
  footer: '拜访准备单',
  pageNumbers: true,
  blocks: [
    { type: 'heading', level: 1, content: [t('拜访准备单')] },
    {
      type: 'paragraph',
      indent: true,
      content: [
        t('本次拜访对象为'),
        t('张三', { bold: true }),
        t('先生（采购部经理），联系电话'),
        t('138 1234 5678', { noWrap: true }),
        t('。客户去年团购中秋礼盒 120 份，对“品质”与“交期”要求较高；今年预算约￥36,000 元。'),
        { type: 'break' },
        t('注意：客户偏好《产品手册》中的①号与②号方案。'),
      ],
    },
    { type: 'heading', level: 2, content: [t('一、准备事项')] },
    { type: 'list', style: 'bullet', items: [[t('带样品两套')], [t('打印报价单三份')]] },
    { type: 'list', style: 'ordered', items: [[t('确认人数')], [t('确认送货地址')], [t('约定付款方式')]] },
    { type: 'list', style: 'checkbox', items: [[t('已核对库存')], [t('已通知仓库')]] },
    { type: 'heading', level: 2, content: [t('二、建议清单')] },
    {
      type: 'table',
      columns: [{ width: 1, align: 'center' }, { width: 4 }, { width: 2 }, { width: 1, align: 'right' }, { width: 2, align: 'right' }],
      headerRows: 1,
      rows: [
        TABLE_HEADER.map((h) => [t(h)]),
        ...Array.from({ length: 45 }, (_, i) => [
          [t(String(i + 1))],
          [t(`${goods[i % goods.length]}礼盒`)],
          [t(`${(i % 4) + 1} kg/盒`)],
          [t(String(10 + i))],
          [t(`${(88 + i * 3).toFixed(2)}`)],
        ]),
      ],
    },
    { type: 'paragraph', small: true, content: [t('注：以上价格含税，不含运费。')] },
    {
      type: 'keyValue',
      columns: 2,
      items: [
        { label: '客户', value: [t('某某科技有限公司')] },
        { label: '联系人', value: [t('张三')] },
        { label: '电话', value: [t('138 1234 5678', { noWrap: true })] },
        { label: '人数', value: [t('120 人')] },
        { label: '地址', value: [t('北京市海淀区中关村大街 1 号')] },
      ],
    },
    { type: 'image', asset: 'logo.png', width: 40, align: 'left' },
    { type: 'qr', text: 'https://example.com/tuangou?id=0042', size: 25, caption: '扫码查看报价', align: 'right' },
    { type: 'noteLines', count: 3 },
    { type: 'signature', lines: [COMPANY, '二〇二五年九月一日'], seal: 'seal.png' },
  ],
};

const external: Section = {
  page: { size: 'A5', orientation: 'landscape', margins: [18, 20, 18, 20] },
  font: 'sans',
  audience: 'external',
  header: COMPANY,
  watermark: '样本',
  pageNumbers: true,
  blocks: [
    { type: 'heading', level: 1, content: [t('团购建议书')] },
    { type: 'heading', level: 3, content: [t('致 某某科技有限公司')] },
    {
      type: 'paragraph',
      indent: true,
      content: [
        t('感谢贵司一直以来的信任与支持！现将中秋团购方案奉上：礼盒单价￥２８８元，满１００份赠送贺卡……详见下表。'),
        t('阿卜杜·热合曼先生推荐的３～５天交付方案——我们同样可以满足。'),
      ],
    },
    {
      type: 'keyValue',
      columns: 3,
      items: [
        { label: '方案', value: [t('〇号礼盒')] },
        { label: '数量', value: [t('１２０份')] },
        { label: '交期', value: [t('九月十日前')] },
        { label: '备注', value: [t('可开增值税专用发票')] },
      ],
    },
    { type: 'image', asset: 'photo.jpg', width: 30, align: 'center' },
    { type: 'pageBreak' },
    { type: 'qr', text: '团购热线 400-000-0000', size: 20, caption: '扫码添加客服', align: 'left' },
    { type: 'signature', lines: [COMPANY, '2025年9月1日'] },
  ],
};

export const fixtureDoc: Doc = {
  meta: { title: '团购建议书', author: COMPANY, created: '2025-09-01T08:00:00Z' },
  sections: [internal, external],
};

/** A one-section Doc of paragraphs in the given family, for line-breaking checks. */
export function paragraphs(texts: readonly string[], noWrap?: string): Doc {
  const section: Section = {
    page: { size: 'A5', orientation: 'portrait', margins: [15, 15, 15, 15] },
    font: 'serif',
    audience: 'external',
    pageNumbers: false,
    blocks: texts.map((t) => ({
      type: 'paragraph',
      content: noWrap ? [{ type: 'text', text: t }, { type: 'text', text: noWrap, noWrap: true }, { type: 'text', text: '。' }] : [{ type: 'text', text: t }],
    })),
  };
  return { meta: { title: 't', author: COMPANY, created: '2026-01-01T00:00:00Z' }, sections: [section] };
}
