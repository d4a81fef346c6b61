import { describe, expect, it } from 'vitest';
import { salutationFor } from '../../src/domain/names.ts';

const to = (name: string, more: { title?: string; salutation?: string } = { title: '局长' }) => salutationFor({ name, ...more }, '测试市财政局');

describe('salutationFor', () => {
  it('takes the one-character surname and the title', () => {
    expect(to('王建国')).toBe('尊敬的王局长');
    expect(to('张敏')).toBe('尊敬的张局长');
  });

  it('keeps a compound surname whole', () => {
    expect(to('欧阳明')).toBe('尊敬的欧阳局长');
    expect(to('司马长风')).toBe('尊敬的司马局长');
    expect(to('诸葛亮')).toBe('尊敬的诸葛局长');
  });

  it('reads a two-character name whose characters look like a compound surname as 姓 + 名', () => {
    // 欧阳 needs a given name after it; 欧阳 alone is 欧 + 阳.
    expect(to('欧阳')).toBe('尊敬的欧局长');
  });

  it('uses the whole name when it is written with a middle dot', () => {
    expect(to('买买提·艾力')).toBe('尊敬的买买提·艾力局长');
    expect(to(' 阿依古丽•吐尔逊 ')).toBe('尊敬的阿依古丽•吐尔逊局长');
  });

  it("takes the contact's own 称呼 when there is one, with or without 尊敬的", () => {
    expect(to('巴特尔', { title: '局长', salutation: '巴特尔局长' })).toBe('尊敬的巴特尔局长');
    expect(to('巴特尔', { salutation: '尊敬的巴特尔局长' })).toBe('尊敬的巴特尔局长');
  });

  it('addresses a deputy without 副, and keeps the title whole otherwise', () => {
    expect(to('乔振华', { title: '副局长' })).toBe('尊敬的乔局长');
    expect(to('高明', { title: '党委副书记' })).toBe('尊敬的高书记');
    expect(to('李强', { title: '副总经理' })).toBe('尊敬的李总经理');
    expect(to('杜建平', { title: '副行长' })).toBe('尊敬的杜行长');
    expect(to('郑伟', { title: '常务副局长' })).toBe('尊敬的郑局长');
    expect(to('郭丽娟', { title: '办公室副主任' })).toBe('尊敬的郭主任');
    expect(to('高明', { title: '党委书记' })).toBe('尊敬的高党委书记');
  });

  it('names one office when the title lists several', () => {
    expect(to('温振东', { title: '党组书记、局长' })).toBe('尊敬的温党组书记');
    expect(to('温振东', { title: '副局长兼办公室主任' })).toBe('尊敬的温局长');
  });

  it('leaves the contact’s own 称呼 as written, 副 and all', () => {
    expect(to('巴特尔', { title: '副局长', salutation: '巴特尔副局长' })).toBe('尊敬的巴特尔副局长');
  });

  it('writes to the unit’s leadership when there is no title or no decision maker', () => {
    expect(to('王建国', {})).toBe('尊敬的测试市财政局领导');
    expect(salutationFor(undefined, '测试市财政局')).toBe('尊敬的测试市财政局领导');
  });
});
