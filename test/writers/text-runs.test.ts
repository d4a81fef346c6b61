// Joining a line's characters into one text object (src/writers/pdf/text-runs.ts) must put each
// glyph where pdfmake placed it: the joined run starts at the first inline and its spacing is
// the pitch pdfmake added between them.
import { describe, expect, it } from 'vitest';
import { joinedInlines } from '../../src/writers/pdf/text-runs.ts';

const font = {};
/** Inlines set one after the other from x = 10, each `width` wide with `spread` between them. */
function line(texts: readonly string[], spread = 0, width = 10, extra: Record<string, unknown> = {}) {
  let x = 10;
  return texts.map((text) => {
    const inline = { text, x, width: width * text.length, font, fontSize: 10, color: 'black', ...extra };
    x += inline.width + spread;
    return inline;
  });
}

describe('joinedInlines', () => {
  it('joins the characters of a justified line into one run, the spread as character spacing', () => {
    const [run, ...rest] = joinedInlines(line(['团', '购', '方', '案'], 1.25));
    expect(rest).toEqual([]);
    expect(run).toMatchObject({ text: '团购方案', x: 10, characterSpacing: 1.25, width: 4 * 10 + 3 * 1.25 });
  });

  it('joins words set close together, but not a word of two into a spread run', () => {
    expect(joinedInlines(line(['呈', '送：', '蒙', '源'])).map((i) => i.text)).toEqual(['呈送：蒙源']);
    expect(joinedInlines(line(['呈', '送：', '蒙', '源'], 2)).map((i) => i.text)).toEqual(['呈', '送：', '蒙源']);
  });

  it('keeps Latin, digits, links and a change of style apart', () => {
    const mixed = [...line(['共', '计']), ...line(['60']).map((i) => ({ ...i, x: 30 })), ...line(['瓶']).map((i) => ({ ...i, x: 50 }))];
    expect(joinedInlines(mixed).map((i) => i.text)).toEqual(['共计', '60', '瓶']);
    expect(joinedInlines(line(['热', '线'], 0, 10, { link: 'tel:1' })).map((i) => i.text)).toEqual(['热', '线']);
    const bold = line(['合', '计']);
    bold[1] = { ...bold[1]!, font: {} };
    expect(joinedInlines(bold).map((i) => i.text)).toEqual(['合', '计']);
  });

  it('keeps apart characters pdfmake did not set at one pitch', () => {
    const uneven = line(['甲', '乙', '丙'], 1);
    uneven[2] = { ...uneven[2]!, x: uneven[2]!.x + 0.5 };
    expect(joinedInlines(uneven).map((i) => i.text)).toEqual(['甲乙', '丙']);
  });
});
