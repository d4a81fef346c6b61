import { execFileSync } from 'node:child_process';
import { closeSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { copyData, snapshot, tuangou, writeXlsx } from './helpers.ts';

interface Entry {
  readonly name: string;
  readonly data: Buffer;
  /** What the headers claim; defaults to the truth. */
  readonly declared?: number;
  readonly flags?: number;
}

/** A minimal zip writer, so tests can build archives that lie about themselves. */
function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const WORKBOOK: Entry[] = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
];

async function refused(name: string, bytes: Buffer | undefined, message: RegExp) {
  const { root, data } = copyData();
  const before = snapshot(data, { backup: true });
  if (bytes) writeFileSync(path.join(root, name), bytes);
  const r = await tuangou(['import', name, '--data', data], root);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stdout).toBe('');
  expect(snapshot(data, { backup: true })).toEqual(before);
  return r;
}

describe('files that are refused', () => {
  it('an encrypted workbook (an OLE compound file with EncryptionInfo)', async () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    const r = await refused('加密.xlsx', cfb, /「加密\.xlsx」是加密（设了打开密码）的工作簿，不能导入/);
    expect(r.stderr).toContain('提示：在 Excel 或 WPS 里打开它，去掉打开密码');
  });

  it('an old .xls file, or one renamed to .xlsx', async () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    await refused('旧.xlsx', cfb, /是旧版 Excel（\.xls）或其他 Office 二进制文件/);
    await refused('旧.xls', cfb, /这是旧版 Excel 格式（\.xls），不能直接导入[\s\S]*另存为/);
  });

  it('a zip bomb: declared sizes over the limit', async () => {
    // 120 MB of zeros packs into about 120 KB.
    const bomb = zip([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(120 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await refused('炸弹.xlsx', bomb, /解压后超过 100 MB。这不像正常的工作簿，可能是“压缩炸弹”/);
  });

  it('a zip bomb: an extreme compression ratio', async () => {
    const bomb = zip([...WORKBOOK, { name: 'xl/sharedStrings.xml', data: Buffer.alloc(50 * 1024 * 1024) }]);
    await refused('炸弹.xlsx', bomb, /「xl\/sharedStrings\.xml」的压缩比超过 1000 倍/);
  });

  it('a zip bomb: headers that understate the real size', async () => {
    const liar = zip([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * 1024 * 1024), declared: 1000 }]);
    await refused('炸弹.xlsx', liar, /「xl\/worksheets\/sheet1\.xml」解压后比声明的大/);
  });

  it('a zip with encrypted entries', async () => {
    const locked = zip([...WORKBOOK.slice(0, 1), { ...WORKBOOK[1]!, flags: 1 }]);
    await refused('加密.xlsx', locked, /里的内容是加密的，不能导入/);
  });

  it('things that are not spreadsheets', async () => {
    await refused('笔记.txt', Buffer.from('单位名称\n'), /「笔记\.txt」不是电子表格：只能导入 \.xlsx 或 \.csv 文件/);
    await refused('假的.xlsx', Buffer.from('单位名称,联系人姓名\n'), /不是 Excel 工作簿（\.xlsx 文件应是 zip 压缩包）/);
    await refused('图片.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /不是 CSV 文本文件（里面有二进制内容）/);
    await refused('文档.xlsx', zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w/>') }]), /是 Word 文档，不是 Excel 工作簿/);
    await refused('坏.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), /找不到 zip 目录/);
    await refused('没有.xlsx', undefined, /找不到要导入的文件/);
  });

  it('a workbook saved as .xlsx under a .csv name', async () => {
    const { root } = copyData();
    const file = await writeXlsx(path.join(root, 'x.xlsx'), { 客户: [['单位名称']] });
    const { readFileSync } = await import('node:fs');
    await refused('x.csv', readFileSync(file), /其实是 Excel 工作簿，不是 CSV 文本[\s\S]*把扩展名改成 \.xlsx/);
  });

  it('a named pipe or a device, without waiting on it', async () => {
    const { root, data } = copyData();
    execFileSync('mkfifo', [path.join(root, '管道.csv')]);
    symlinkSync('/dev/zero', path.join(root, '零.xlsx'));
    const pipe = await tuangou(['import', '管道.csv', '--data', data], root);
    expect([pipe.code, pipe.stderr]).toEqual([1, expect.stringContaining('要导入的文件「管道.csv」读不出来：这是命名管道（FIFO），不是普通文件')]);
    const zero = await tuangou(['import', '零.xlsx', '--data', data], root);
    expect([zero.code, zero.stderr]).toEqual([1, expect.stringContaining('要导入的文件「零.xlsx」读不出来：这是设备文件，不是普通文件')]);
  });

  it('an oversized file, before reading it', async () => {
    const { root, data } = copyData();
    const fd = openSync(path.join(root, '大.xlsx'), 'w');
    closeSync(fd);
    const { truncateSync } = await import('node:fs');
    truncateSync(path.join(root, '大.xlsx'), 21 * 1024 * 1024); // sparse: no 21 MB written
    const r = await tuangou(['import', '大.xlsx', '--data', data], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('文件太大（21.0 MB）：一次最多导入 20 MB 的表格「大.xlsx」');
  });
});
