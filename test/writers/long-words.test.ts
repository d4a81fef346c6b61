// Where a word wider than its line is cut (src/writers/pdf/long-words.ts); the PDF itself is
// checked in writers.test.ts.
import { describe, expect, it } from 'vitest';
import { cutAt } from '../../src/writers/pdf/long-words.ts';

const cut = (text: string, fits: number): [string, string] => {
  const at = cutAt(text, fits);
  return [text.slice(0, at), text.slice(at)];
};

describe('cutAt', () => {
  it('cuts after the last separator that keeps the line at least half full', () => {
    expect(cut('zhangzhenbang@mengyuan-', 22)).toEqual(['zhangzhenbang@', 'mengyuan-']);
    expect(cut('baozhiming@qcgas.example.cn', 24)).toEqual(['baozhiming@qcgas.', 'example.cn']);
    expect(cut('www.example.com/path', 18)).toEqual(['www.example.com/', 'path']);
  });

  it('cuts between two letters when no separator is near, so no line starts with a mark', () => {
    expect(cut('ab@cdefghijklmnop', 12)).toEqual(['ab@cdefghijk', 'lmnop']);
    expect(cut('abcdefghij-klm', 10)).toEqual(['abcdefghi', 'j-klm']);
  });

  it('never chooses to cut a number, and leaves pdfmake its cut when nothing is better', () => {
    expect(cut('14.5%', 4)).toEqual(['14.5', '%']);
    expect(cut('¥53,280.00', 7)).toEqual(['¥53,280', '.00']);
    expect(cut('13904710888', 6)).toEqual(['139047', '10888']);
  });
});
