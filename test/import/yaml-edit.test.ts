import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editedText, needsQuotes, newFileText } from '../../src/import/yaml-edit.ts';

const read = (text: string) => parse(text, { schema: 'failsafe' });

describe('editing a customer file', () => {
  const original = "# 注释\r\nid: x\r\nname: 单位\r\ncontacts:\r\n- name: 张伟   # 主要联系人\r\n  mobile: '13800001111'\r\n- name: 李娜\r\n";

  it('replaces a changed value in place and leaves every other byte alone', () => {
    const before = read(original);
    const after = structuredClone(before);
    after.contacts[0].mobile = '13900002222';
    expect(editedText(original, before, after)).toBe(original.replace('13800001111', '13900002222'));
  });

  it('adds keys in schema order and items at the end, keeping comments, quoting, line ends and sequence indentation', () => {
    const before = read(original);
    const after = structuredClone(before);
    after.postcode = '010010';
    after.contacts.push({ name: '王五', role: '采购', mobile: '13700001234' });
    const text = editedText(original, before, after);
    expect(text).toBe(
      "# 注释\r\nid: x\r\nname: 单位\r\npostcode: \"010010\"\r\ncontacts:\r\n- name: 张伟   # 主要联系人\r\n  mobile: '13800001111'\r\n- name: 李娜\r\n- name: 王五\r\n  role: 采购\r\n  mobile: \"13700001234\"\r\n",
    );
    expect(read(text)).toEqual(after);
  });

  it('quotes what another YAML reader would not read as text', () => {
    for (const s of ['010010', '13800002222', 'yes', 'no', 'true', '2026-01-05', '1:20', '0x1F', '1e3', '~', 'null', '- x', 'a: b', '#x']) expect(needsQuotes(s)).toBe(true);
    for (const s of ['张伟', '农历八月十五', 'P-1', '12,345.60', '-5 度', '0471-6661234']) expect(needsQuotes(s)).toBe(false);
    const text = newFileText({ id: 'x', postcode: '010010', headcount: '120', notes: '第一行\n第二行' }, '导入');
    expect(text).toBe('# 导入\n\nid: x\npostcode: "010010"\nheadcount: "120"\nnotes: |-\n  第一行\n  第二行\n');
  });
});
