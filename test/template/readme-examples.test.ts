// The examples of templates/README.md, kept as fixtures in test/fixtures/templates/readme-*.md:
// each must pass the check, build the blocks the README promises and render to PDF and .docx.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block, Doc, Inline } from '../../src/document/model.ts';
import { runCli } from '../cli/run.ts';
import { FIXTURES, renderDoc, ROOT, tempDir } from '../pipeline/build.ts';

const text = (content: readonly Inline[]): string => content.map((r) => (r.type === 'text' ? r.text : '⏎')).join('');
const blocks = (doc: Doc): readonly Block[] => doc.sections[0]!.blocks;
const doc = (name: string): Doc => renderDoc(path.join(FIXTURES, `${name}.md`), 'mengyuan-ruye').doc;
const of = <T extends Block['type']>(bs: readonly Block[], type: T) => bs.filter((b): b is Extract<Block, { type: T }> => b.type === type);

const out = tempDir('readme');
afterAll(out.remove);

describe('templates/README.md examples', () => {
  it('readme-markup: every markup construct', () => {
    const bs = blocks(doc('readme-markup'));
    expect(bs.map((b) => b.type)).toEqual([
      'heading', 'heading', 'heading',
      'paragraph', 'paragraph', 'paragraph',
      'list', 'list', 'list',
      'table', 'paragraph',
      'pageBreak',
      'keyValue', 'paragraph', 'paragraph',
      'image', 'image', 'qr', 'noteLines', 'signature', 'paragraph',
    ]);
    const [h1, h2, h3, indented, styled, hard] = bs as [Block, Block, Block, Block, Block, Block];
    expect([h1, h2, h3].map((h) => (h.type === 'heading' ? h.level : 0))).toEqual([1, 2, 3]);
    // 　　 indents the first line; the two source lines join without a space.
    expect(indented).toEqual({
      type: 'paragraph',
      indent: true,
      content: [
        { type: 'text', text: '段首写两个全角空格，这一段首行就缩进两个字。' },
        { type: 'text', text: '这一行和上一行在同一段里，接起来时中间不加空格。' },
      ],
    });
    expect(styled.type === 'paragraph' && styled.content.filter((r) => r.type === 'text' && r.bold).map((r) => (r as { text: string }).text)).toEqual(['粗体', '粗斜体']);
    expect(hard.type === 'paragraph' && hard.content.map((r) => r.type)).toEqual(['text', 'break', 'text']);

    expect(of(bs, 'list').map((l) => l.style)).toEqual(['bullet', 'ordered', 'checkbox']);
    expect(of(bs, 'list')[2]!.items.map(text)).toEqual(['带好产品手册', '带好名片']);

    const table = of(bs, 'table')[0]!;
    expect(table.columns).toEqual([{ width: 12 }, { width: 4, align: 'center' }, { width: 5, align: 'right' }]);
    expect(table.headerRows).toBe(1);
    expect(table.rows.map((r) => r.map(text))).toEqual([
      ['产品', '数量', '单价'],
      ['珍藏酱香', '60 瓶', '¥768.00'],
      ['窖藏浓香', '1620 瓶', '¥238.00'],
    ]);
    expect(bs[10]).toMatchObject({ type: 'paragraph', small: true });

    const kv = of(bs, 'keyValue')[0]!;
    expect(kv.columns).toBe(2);
    expect(kv.items.map((i) => [i.label, text(i.value)])).toEqual([
      ['单位', '蒙源乳业集团有限公司'],
      ['地址', '呼和浩特市和林格尔县盛乐经济园区乳业大道 1 号'],
      ['团购热线', '400-616-8899'],
      ['有效期', '2027年1月20日'],
    ]);
    expect(kv.items[2]!.value).toEqual([{ type: 'text', text: '400-616-8899', noWrap: true }]);

    expect(bs[13]).toMatchObject({ type: 'paragraph', align: 'center' });
    expect(bs[13]!.type === 'paragraph' && text(bs[13].content)).toBe('致：蒙源乳业集团有限公司⏎2026年11月24日');
    expect(bs[14]).toMatchObject({ type: 'paragraph', align: 'right' });
    expect(of(bs, 'image')).toEqual([
      { type: 'image', asset: 'logo.png', width: 40 },
      { type: 'image', asset: 'logo.png', width: 30, align: 'center' },
    ]);
    expect(of(bs, 'qr')[0]).toMatchObject({ size: 25, caption: '扫码保存团购热线' });
    expect(of(bs, 'noteLines')[0]).toEqual({ type: 'noteLines', count: 8 });
    expect(of(bs, 'signature')[0]).toEqual({
      type: 'signature',
      lines: ['内蒙古青城醇源酒业有限公司（盖章）', '2026年11月24日'],
      seal: 'seal.png',
    });
    // Inline code and digit runs of 7 or more stay on one line.
    const last = bs[20]!;
    expect(last.type === 'paragraph' && last.content.filter((r) => r.type === 'text' && r.noWrap).map((r) => (r as { text: string }).text)).toEqual([
      '0471-6123456',
      '13904716601',
    ]);
  });

  it('readme-handlebars: fields, blocks, partials and every helper', () => {
    const d = doc('readme-handlebars');
    const section = d.sections[0]!;
    expect(section.header).toBe('青城醇源 · 团购建议书');
    expect(section.footer).toBe('致蒙源乳业集团有限公司');
    const bs = section.blocks;
    const paragraphs = of(bs, 'paragraph').map((p) => text(p.content));
    expect(paragraphs.slice(0, 3)).toEqual(['尊敬的蒙源乳业集团有限公司领导：', '张振邦董事长您好！', '人均分配建议：']);
    expect(of(bs, 'list')[0]!.items.map(text)).toEqual([
      '集团领导：12 人，每人 2 瓶青城醇源·珍藏酱香 53 度',
      '中层干部：36 人，每人 1 瓶青城醇源·珍藏酱香 53 度',
      '一线职工：810 人，每人 2 瓶青城醇源·窖藏浓香 52 度',
    ]);
    expect(of(bs, 'list')[0]!.style).toBe('ordered');
    expect(paragraphs).toContain('本次团购 共 280 箱 1680 瓶，应付 ¥418,690.80（肆拾壹万捌仟陆佰玖拾元零捌角整）。');
    expect(paragraphs).not.toContain('本方案没有额外优惠。');
    expect(of(bs, 'list')[1]!.items.map(text)).toEqual(['青城醇源·珍藏酱香 53 度：53%vol 500ml × 6 瓶/箱', '青城醇源·窖藏浓香 52 度：52%vol 500ml × 6 瓶/箱']);
    // The contact-us partial, then the helpers' grid.
    const [contact, helpers] = of(bs, 'keyValue');
    expect(contact!.items[0]).toEqual({ label: '单位', value: [{ type: 'text', text: '内蒙古青城醇源酒业有限公司' }] });
    expect(helpers!.items.map((i) => [i.label, text(i.value)])).toEqual([
      ['金额', '¥418,690.80'],
      ['大写', '肆拾壹万捌仟陆佰玖拾元零捌角整'],
      ['日期', '2026年11月24日'],
      ['带星期', '2027年1月20日 星期三'],
      ['箱数', '280 箱 1680 瓶'],
      ['折扣', '12.5%'],
    ]);
    expect(paragraphs.slice(-6)).toEqual([
      '贵单位是本地实力企业。',
      '不是机关单位。',
      '这是一笔大单。',
      '单位人数不少于 100 人。',
      '两项都有。',
      '至少有一项。',
    ]);
  });

  it('readme-page: paper, margins, font and page furniture from the front matter', () => {
    const s = doc('readme-page').sections[0]!;
    expect({ ...s, blocks: undefined }).toEqual({
      page: { size: 'A5', orientation: 'landscape', margins: [15, 12, 15, 12] },
      font: 'sans',
      audience: 'external',
      header: '内蒙古青城醇源酒业有限公司',
      footer: '团购热线 400-616-8899',
      watermark: '仅供青城醇源客户参考',
      pageNumbers: false,
      blocks: undefined,
    });
    expect(s.blocks.map((b) => b.type)).toEqual(['heading', 'keyValue', 'list']);
  });

  it('readme-visit: a checkbox list from a list of texts, {{else}} of #each, notes from a field', () => {
    const { doc: d, view } = renderDoc(path.join(FIXTURES, 'readme-visit.md'), 'mengyuan-ruye');
    const bs = blocks(d);
    const checklist = (view as { checklist: string[] }).checklist;
    expect(of(bs, 'list')[0]).toEqual({ type: 'list', style: 'checkbox', items: checklist.map((c) => [{ type: 'text', text: c }]) });
    expect(text(of(bs, 'list')[1]!.items[0]!)).toBe('张振邦（决策人）　手机 13904710888');
    expect(of(bs, 'noteLines')[0]).toEqual({ type: 'noteLines', count: 8 });
    expect(d.sections[0]!.audience).toBe('internal');
  });

  // BUG (src/template/helpers.ts:34 with :58): only string arguments are resolved from tokens,
  // so {{join list}} joins the tokens of the list's strings, and the private-use token
  // characters reach the Doc; the glyph check then blames the template. Remove `.fails` when fixed.
  it('readme-join: {{join materials "、"}} prints the list', () => {
    const bs = blocks(doc('readme-join'));
    expect(bs[0]!.type === 'paragraph' && text(bs[0].content)).toMatch(/^带齐：企业手册、产品手册、名片、/);
  });

  it('readme-more: the remaining constructs of section 三', () => {
    const bs = blocks(doc('readme-more'));
    expect(bs.map((b) => b.type)).toEqual([
      'image', 'heading', 'paragraph', 'paragraph', 'pageBreak', 'paragraph', 'list', 'paragraph', 'paragraph', 'paragraph', 'keyValue', 'paragraph', 'image', 'signature',
    ]);
    expect(bs[0]).toEqual({ type: 'image', asset: 'logo.png', width: 45 });
    expect(bs[1]).toMatchObject({ type: 'heading', level: 3 });
    const texts = bs.map((b) => (b.type === 'paragraph' || b.type === 'heading' ? text(b.content) : b.type === 'list' ? b.items.map(text).join('|') : ''));
    expect(texts[2]).toBe('行末两个半角空格也能强制换行：⏎这是第二行。');
    expect(bs[6]).toMatchObject({ type: 'list', style: 'checkbox' });
    expect(texts[6]).toBe('写 [x] 也印空框|第二项');
    expect(texts.slice(7, 10)).toEqual(['见公司网站。', '引用符号忽略，按普通段落印。', '<b>HTML 标签按文字原样印出</b>']);
    expect(bs[10]).toMatchObject({ type: 'keyValue', columns: 3 });
    expect(texts[11]).toBe('第 2 项：青城醇源·窖藏浓香 52 度，270 箱 1620 瓶');
    expect(bs[12]).toEqual({ type: 'image', asset: 'logo.png', width: 30, align: 'right' });
    expect(bs[13]).toMatchObject({ type: 'signature', seal: 'seal.png' });
  });

  it('section 七: --templates adds templates and partials, and same-named ones replace the built-in', async () => {
    const mine = path.join(FIXTURES, 'my-templates');
    const letter = renderDoc('感谢信', 'mengyuan-ruye', { templates: mine }).doc;
    expect(blocks(letter).map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'signature']);
    expect(blocks(letter)[3]).toEqual({ type: 'signature', lines: ['内蒙古青城醇源酒业有限公司', '2026年11月24日'], seal: 'seal.png' });
    const proposal = renderDoc('proposal', 'mengyuan-ruye', { templates: mine }).doc;
    expect(proposal.meta.title).toBe('团购建议书（简版）—蒙源乳业集团有限公司');
    expect(blocks(proposal).at(-1)).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '团购热线：' },
        { type: 'text', text: '400-616-8899', noWrap: true },
        { type: 'text', text: '（自己的“联系我们”部件）' },
      ],
    });

    const dir = path.join(out.dir, 'mine');
    const r = await runCli(['render', '感谢信', 'mengyuan-ruye', '--templates', 'test/fixtures/templates/my-templates', '--today', '2026-11-24', '--out', dir], ROOT);
    expect(r.code).toBe(0);
    const p = await runCli(['proposal', 'mengyuan-ruye', '--templates', 'test/fixtures/templates/my-templates', '--today', '2026-11-24', '--out', dir, '--format', 'docx'], ROOT);
    expect(p.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['mengyuan-ruye-proposal.docx', 'mengyuan-ruye-感谢信.docx', 'mengyuan-ruye-感谢信.pdf']);

    // Given as a path without --templates, the folder's own partials are not found.
    const alone = await runCli(['render', 'test/fixtures/templates/my-templates/感谢信.md', 'mengyuan-ruye', '--today', '2026-11-24', '--out', dir], ROOT);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('找不到部件「落款」');
  });

  it('every example renders to PDF and .docx through the CLI', async () => {
    for (const name of ['readme-markup', 'readme-more', 'readme-handlebars', 'readme-page', 'readme-visit']) {
      const r = await runCli(['render', `test/fixtures/templates/${name}.md`, 'mengyuan-ruye', '--today', '2026-11-24', '--out', out.dir], ROOT);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(readdirSync(out.dir).filter((f) => f.includes('readme')).sort()).toEqual([
      'mengyuan-ruye-readme-handlebars.docx',
      'mengyuan-ruye-readme-handlebars.pdf',
      'mengyuan-ruye-readme-markup.docx',
      'mengyuan-ruye-readme-markup.pdf',
      'mengyuan-ruye-readme-more.docx',
      'mengyuan-ruye-readme-more.pdf',
      // formats: [pdf] in its front matter
      'mengyuan-ruye-readme-page.pdf',
      'mengyuan-ruye-readme-visit.docx',
      'mengyuan-ruye-readme-visit.pdf',
    ]);
  });
});
