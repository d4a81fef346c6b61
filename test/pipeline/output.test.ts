// Output files are written whole or not at all (src/output/write.ts), and file names made from
// data cannot leave the output folder.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolder, removeStrayTemps, safeName, writeAtomic } from '../../src/output/write.ts';
import { tempDir } from './build.ts';

const scratch = tempDir('output');
afterAll(scratch.remove);
let n = 0;
const folder = () => {
  const dir = path.join(scratch.dir, `d${++n}`);
  mkdirSync(dir);
  return dir;
};

describe('removeStrayTemps', () => {
  it('removes the temp files of processes that are gone, and nothing else', () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!; // has exited
    const files = [`.a.pdf.${gone}.0123abcd.tmp`, `.b.pdf.${process.pid}.0123abcd.tmp`, '.notes.tmp', 'a.pdf'];
    for (const f of files) writeFileSync(path.join(dir, f), 'x');
    removeStrayTemps(dir);
    expect(readdirSync(dir).sort()).toEqual(files.slice(1).sort());
  });
});

describe('writeAtomic', () => {
  it('writes a new file and leaves no temp file', async () => {
    const dir = folder();
    writeAtomic(path.join(dir, 'a.pdf'), new Uint8Array([1, 2, 3]));
    expect(readdirSync(dir)).toEqual(['a.pdf']);
    expect([...readFileSync(path.join(dir, 'a.pdf'))]).toEqual([1, 2, 3]);
  });

  it('creates the output folder', async () => {
    const file = path.join(folder(), 'new/deeper/a.docx');
    writeAtomic(file, 'x');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('replaces an older file whole', async () => {
    const dir = folder();
    const file = path.join(dir, 'a.pdf');
    writeFileSync(file, 'older and longer contents');
    writeAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('replaces a planted symlink instead of writing through it, leaving its target untouched', async () => {
    const dir = folder();
    const victim = path.join(folder(), 'victim.txt');
    writeFileSync(victim, 'precious');
    const file = path.join(dir, 'mengyuan-ruye-proposal.pdf');
    symlinkSync(victim, file);
    expect(readlinkSync(file)).toBe(victim);

    writeAtomic(file, 'document');
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    expect(lstatSync(file).isFile()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('document');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['mengyuan-ruye-proposal.pdf']);
  });

  it('replaces a dangling symlink without creating its target', async () => {
    const dir = folder();
    const target = path.join(scratch.dir, 'should-not-exist.txt');
    const file = path.join(dir, 'a.pdf');
    symlinkSync(target, file);
    writeAtomic(file, 'document');
    expect(lstatSync(file).isFile()).toBe(true);
    expect(() => lstatSync(target)).toThrow(/ENOENT/);
  });

  it('leaves no temp file behind when the rename fails', async () => {
    const dir = folder();
    const file = path.join(dir, 'a.pdf');
    mkdirSync(file);
    writeFileSync(path.join(file, 'inside'), 'x');
    expect(() => writeAtomic(file, 'document')).toThrow(/无法写入/);
    expect(readdirSync(dir)).toEqual(['a.pdf']);
    expect(readdirSync(file)).toEqual(['inside']);
  });
});

describe('makeFolder', () => {
  it('makes the missing folders of a path, and is content with one that exists', () => {
    const dir = path.join(folder(), 'a', 'b', 'c');
    makeFolder(dir);
    makeFolder(dir);
    expect(lstatSync(dir).isDirectory()).toBe(true);
  });

  it('says in Chinese which folder it cannot make when a file stands in the way', () => {
    const file = path.join(folder(), 'out');
    writeFileSync(file, 'x');
    expect(() => makeFolder(file)).toThrow(`无法建立文件夹「${file}」：已经有同名的文件，没有覆盖`);
    expect(() => makeFolder(path.join(file, 'sub'))).toThrow(`无法建立文件夹「${path.join(file, 'sub')}」：路径上有一段是文件，不是文件夹`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  // Node's recursive mkdir spins forever on /proc/x; run in a child so a regression fails, not hangs.
  it.skipIf(process.platform !== 'linux')('gives up under /proc instead of looping', () => {
    const code = `import('${path.resolve('src/output/write.ts')}').then(m => { try { m.makeFolder('/proc/tuangou-test/x') } catch (e) { console.log(e.message) } })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout.trim()).toBe('无法建立文件夹「/proc/tuangou-test/x」：路径不存在，也建不出来');
  });
});

describe('safeName', () => {
  it.each([
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..\\..\\Windows\\win.ini', '_.._Windows_win.ini'],
    ['/etc/passwd', '_etc_passwd'],
    ['a/b\\c', 'a_b_c'],
    ['..', '_'],
    ['', '_'],
    ['mengyuan-ruye-proposal', 'mengyuan-ruye-proposal'],
    ['蒙源乳业集团有限公司-建议书', '蒙源乳业集团有限公司-建议书'],
    ['名称<>:"|?*\u0000\u001f\u007f', '名称__________'],
    [' .hidden. ', 'hidden'],
  ])('%j → %j', (input, output) => {
    expect(safeName(input)).toBe(output);
  });

  it('never returns a path separator, a dot-only name or more than 80 characters', () => {
    for (const input of ['../..', '....//....', `${'长'.repeat(200)}/x`, '.\\.', ' / ']) {
      const out = safeName(input);
      expect(out).not.toMatch(/[/\\]/);
      expect(out).not.toMatch(/^\.+$/);
      expect(out.length).toBeLessThanOrEqual(80);
      expect(path.join('/out', out).startsWith('/out/')).toBe(true);
    }
  });

  // The 80-character cut counts code points and trims again after cutting.
  it('cuts long names on a whole character', () => {
    expect(safeName(`a${'𠮷'.repeat(50)}`)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
  it('does not end a cut name with a dot or a space', () => {
    expect(safeName(`${'a'.repeat(79)}. b`)).not.toMatch(/[.\s]$/);
  });
});
