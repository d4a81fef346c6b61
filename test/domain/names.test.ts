import { describe, expect, it } from 'vitest';
import { addressName } from '../../src/domain/names.ts';

describe('addressName', () => {
  it('takes the one-character surname', () => {
    expect(addressName('王建国')).toBe('王');
    expect(addressName('张敏')).toBe('张');
  });

  it('keeps a compound surname whole', () => {
    expect(addressName('欧阳明')).toBe('欧阳');
    expect(addressName('司马长风')).toBe('司马');
    expect(addressName('诸葛亮')).toBe('诸葛');
  });

  it('takes a two-character name whose first characters only look like a compound surname as 姓 + 名', () => {
    // 欧阳 needs a given name after it; 欧阳 alone is 欧 + 阳.
    expect(addressName('欧阳')).toBe('欧');
  });

  it('uses the whole name when it is written with a middle dot', () => {
    expect(addressName('买买提·艾力')).toBe('买买提·艾力');
    expect(addressName(' 阿依古丽•吐尔逊 ')).toBe('阿依古丽•吐尔逊');
  });
});
