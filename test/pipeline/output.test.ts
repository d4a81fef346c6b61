// Output files are written whole or not at all (src/output/write.ts), and file names made from
// data cannot leave the output folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolder, refuseLinks, removeStrayTemps, safeName, writeAtomic } from '../../src/output/write.ts';
import { runCli } from '../cli/run.ts';
import { dataCopy, ROOT, tempDir, TODAY } from './build.ts';

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

describe('a symbolic link below the output folder', () => {
  const planted = () => {
    const root = folder();
    const elsewhere = folder();
    mkdirSync(path.join(root, '2027-春节'));
    symlinkSync(elsewhere, path.join(root, '2027-春节', 'letters'));
    return { root, elsewhere, link: path.join(root, '2027-春节', 'letters') };
  };
  const refusal = (link: string, target: string) => `不写入「${link}」：这是一个符号链接（指向「${target}」），输出文件夹里的链接不会被跟随`;

  it('is not written through: writeAtomic and makeFolder refuse, naming the link', () => {
    const { root, elsewhere, link } = planted();
    expect(() => writeAtomic(path.join(link, 'a.pdf'), 'x', { root })).toThrow(refusal(link, elsewhere));
    expect(() => makeFolder(path.join(link, 'deeper'), root)).toThrow(refusal(link, elsewhere));
    expect(() => refuseLinks(link, root)).toThrow(refusal(link, elsewhere));
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('is refused wherever it is between the output folder and the file, even when it points to a folder inside', () => {
    const root = folder();
    mkdirSync(path.join(root, 'real'));
    symlinkSync('real', path.join(root, 'year'));
    expect(() => writeAtomic(path.join(root, 'year', 'letters', 'a.pdf'), 'x', { root })).toThrow(refusal(path.join(root, 'year'), 'real'));
    expect(readdirSync(path.join(root, 'real'))).toEqual([]);
  });

  it('may be the output folder itself: the user chose it', () => {
    const target = folder();
    const root = path.join(folder(), 'out');
    symlinkSync(target, root);
    writeAtomic(path.join(root, '2027-春节', 'letters', 'a.pdf'), 'x', { root });
    expect(readFileSync(path.join(target, '2027-春节', 'letters', 'a.pdf'), 'utf8')).toBe('x');
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
    ['mengyuan-ruye-proposal', 'mengyuan-ruye-proposal'],
    ['蒙源乳业集团有限公司-建议书', '蒙源乳业集团有限公司-建议书'],
    // NFD and NFC spell one name: one file.
    ['e\u0301', '\u00e9'],
  ])('keeps a name that is safe as it is: %j → %j', (input, output) => {
    expect(safeName(input)).toBe(output);
  });

  it.each([
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..\\..\\Windows\\win.ini', '_.._Windows_win.ini'],
    ['/etc/passwd', '_etc_passwd'],
    ['a/b\\c', 'a_b_c'],
    ['..', '_'],
    ['', '_'],
    ['名称<>:"|?*\u0000\u001f\u007f', '名称__________'],
    [' .hidden. ', 'hidden'],
  ])('cleans %j to %j and adds a hash of the name as given', (input, output) => {
    const hash = createHash('sha256').update(input).digest('hex').slice(0, 10);
    expect(safeName(input)).toBe(`${output}-${hash}`);
  });

  it('never returns a path separator, a dot-only name, more than 80 characters or 200 bytes', () => {
    for (const input of ['../..', '....//....', `${'长'.repeat(200)}/x`, '.\\.', ' / ', '𠮷'.repeat(100)]) {
      const out = safeName(input);
      expect(out).not.toMatch(/[/\\]/);
      expect(out).not.toMatch(/^\.+$/);
      expect([...out].length).toBeLessThanOrEqual(80);
      expect(Buffer.byteLength(out)).toBeLessThanOrEqual(200);
      expect(path.join('/out', out).startsWith('/out/')).toBe(true);
    }
  });

  // Cutting alone used to give two names one file: one unit's letter was lost, a card replaced a proposal.
  it('gives names that clean or cut alike different parts', () => {
    const long = `bj-${'a'.repeat(90)}`;
    const names = [`${long}-1`, `${long}-2`, `${long}-card`, `${long}-proposal`, 'a:b', 'a?b', 'a_b'];
    expect(new Set(names.map(safeName)).size).toBe(names.length);
    expect(safeName(`${long}-1`)).toMatch(new RegExp(`^bj-a{66}-[0-9a-f]{10}$`));
  });

  it("keeps a long id's card and proposal apart", async () => {
    const long = `mengyuan-ruye-${'jituan-'.repeat(10)}zongbu`;
    const data = dataCopy(path.join(scratch.dir, 'long-id'), 'customers/mengyuan-ruye.yaml', (t) => t.replace(/^id: .*$/m, `id: ${long}`));
    const deal = path.join(data, 'deals/2027-chunjie-mengyuan.yaml');
    writeFileSync(deal, readFileSync(deal, 'utf8').replace('customer: mengyuan-ruye', `customer: ${long}`));
    const out = path.join(scratch.dir, 'long-id-out');
    for (const command of ['card', 'proposal']) {
      const r = await runCli([command, long, '--data', data, '--today', TODAY, '--out', out, '--format', 'docx'], ROOT);
      expect(r.code).toBe(0);
    }
    const files = readdirSync(out).sort();
    expect(files).toEqual([`${safeName(`${long}-card`)}.docx`, `${safeName(`${long}-proposal`)}.docx`].sort());
  });

  // Written into the folder with writeAtomic's temp name beside it: a long Chinese name must still fit.
  it('makes a long name of 4-byte characters that a file (and its temp file) can have', () => {
    const dir = folder();
    const file = path.join(dir, `${safeName('𠮷'.repeat(100))}.docx`);
    writeAtomic(file, 'x');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  // The cut counts code points and trims again after cutting.
  it('cuts long names on a whole character', () => {
    expect(safeName(`a${'𠮷'.repeat(50)}`)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
  it('does not end a cut name with a dot or a space', () => {
    expect(safeName(`${'a'.repeat(68)}. ${'b'.repeat(20)}`)).toMatch(/^a{68}-[0-9a-f]{10}$/);
  });
});
