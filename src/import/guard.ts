// Guard rails before a file reaches a parser (hardening.md items 35 and 38): the size, what the
// bytes really are, and for a workbook the zip itself — entry count, declared and real
// uncompressed sizes, encryption — read from the central directory before exceljs sees it.
import { inflateRawSync } from 'node:zlib';
import { DataError } from '../errors.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ENTRIES = 1000;
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Ratio above which a large entry is a zip bomb; real sheets compress 5–50 times. */
const MAX_RATIO = 1000;
const RATIO_FROM_BYTES = 1024 * 1024;

const SAVE_AS = '请在 Excel 或 WPS 里“另存为” Excel 工作簿（.xlsx）或 CSV（UTF-8）后再导入';

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** The format named by the extension; other spreadsheet formats get a way forward. */
export function formatOf(file: string): SpreadsheetFormat {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv') return 'csv';
  const known: Record<string, string> = {
    xls: '这是旧版 Excel 格式（.xls），不能直接导入',
    xlsm: '带宏的工作簿（.xlsm）不导入',
    xlsb: '二进制工作簿（.xlsb）不能直接导入',
    et: '这是 WPS 表格自己的格式（.et），不能直接导入',
    ods: 'OpenDocument 表格（.ods）不能直接导入',
    numbers: 'Numbers 表格不能直接导入',
  };
  const why = ext === undefined ? undefined : known[ext];
  throw new DataError(why ?? `「${file}」不是电子表格：只能导入 .xlsx 或 .csv 文件`, { hint: SAVE_AS });
}

export function checkSize(bytes: number, file: string): void {
  if (bytes > MAX_FILE_BYTES) {
    throw new DataError(`文件太大（${(bytes / 1024 / 1024).toFixed(1)} MB）：一次最多导入 ${MAX_FILE_BYTES / 1024 / 1024} MB 的表格「${file}」`, {
      hint: '把表格拆成几个文件分别导入，或删去图片和不需要的工作表',
    });
  }
  if (bytes === 0) throw new DataError(`「${file}」是空文件`);
}

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === ZIP_LOCAL;
}

/** UTF-16LE text inside an OLE compound file: the stream names of an encrypted workbook. */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Refuses what is not the format its name says, with the reason in words. */
export function sniff(bytes: Uint8Array, format: SpreadsheetFormat, file: string): void {
  if (startsWith(bytes, CFB)) {
    if (hasUtf16(bytes, 'EncryptionInfo') || hasUtf16(bytes, 'EncryptedPackage')) {
      throw new DataError(`「${file}」是加密（设了打开密码）的工作簿，不能导入`, {
        hint: '在 Excel 或 WPS 里打开它，去掉打开密码（文件 → 信息 → 保护工作簿 / 文档加密）后另存为 .xlsx',
      });
    }
    throw new DataError(`「${file}」是旧版 Excel（.xls）或其他 Office 二进制文件，不能直接导入`, { hint: SAVE_AS });
  }
  if (format === 'xlsx') {
    if (!isZip(bytes)) throw new DataError(`「${file}」不是 Excel 工作簿（.xlsx 文件应是 zip 压缩包）`, { hint: SAVE_AS });
    return;
  }
  if (isZip(bytes)) throw new DataError(`「${file}」其实是 Excel 工作簿，不是 CSV 文本`, { hint: '把扩展名改成 .xlsx 再导入' });
  const probe = bytes.subarray(0, 64 * 1024);
  const utf16 = (probe[0] === 0xff && probe[1] === 0xfe) || (probe[0] === 0xfe && probe[1] === 0xff);
  if (!utf16 && probe.includes(0)) throw new DataError(`「${file}」不是 CSV 文本文件（里面有二进制内容）`, { hint: SAVE_AS });
}

interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly offset: number;
}

function bomb(file: string, why: string): DataError {
  return new DataError(`「${file}」被拒绝：${why}。这不像正常的工作簿，可能是“压缩炸弹”`, {
    hint: '如果这是正常的表格，请在 Excel 或 WPS 里重新另存为 .xlsx 后再试',
  });
}

function broken(file: string, why: string): DataError {
  return new DataError(`「${file}」不是完好的 Excel 工作簿：${why}`, { hint: SAVE_AS });
}

function centralDirectory(bytes: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw broken(file, '找不到 zip 目录（文件可能没有下载完整）');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) throw broken(file, '不支持 ZIP64 格式');
  if (count > MAX_ENTRIES) throw bomb(file, `压缩包里有 ${count} 个文件（上限 ${MAX_ENTRIES}）`);
  if (start + size > end) throw broken(file, 'zip 目录位置不对');
  const entries: ZipEntry[] = [];
  let p = start;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || view.getUint32(p, true) !== ZIP_CENTRAL) throw broken(file, 'zip 目录损坏');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      uncompressed: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
      name: Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8'),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Checks a workbook's zip before exceljs (JSZip) inflates it: no encryption, no more than
 * MAX_ENTRIES entries, declared sizes within MAX_UNCOMPRESSED_BYTES, and every entry really
 * inflating to its declared size (a lying header cannot smuggle a bomb past the count).
 */
export function checkWorkbookZip(bytes: Uint8Array, file: string): void {
  const entries = centralDirectory(bytes, file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) throw new DataError(`「${file}」是 Word 文档，不是 Excel 工作簿`);
    if (names.has('ppt/presentation.xml')) throw new DataError(`「${file}」是 PowerPoint 演示文稿，不是 Excel 工作簿`);
    throw broken(file, '压缩包里没有工作簿（xl/workbook.xml）');
  }
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1) {
      throw new DataError(`「${file}」里的内容是加密的，不能导入`, { hint: '去掉密码后另存为 .xlsx' });
    }
    if (e.compressed === 0xffffffff || e.uncompressed === 0xffffffff) throw broken(file, '不支持 ZIP64 格式');
    total += e.uncompressed;
    if (total > MAX_UNCOMPRESSED_BYTES) {
      throw bomb(file, `解压后超过 ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB`);
    }
    if (e.uncompressed > RATIO_FROM_BYTES && e.uncompressed / Math.max(1, e.compressed) > MAX_RATIO) {
      throw bomb(file, `「${e.name}」的压缩比超过 ${MAX_RATIO} 倍`);
    }
  }
  for (const e of entries) {
    if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== ZIP_LOCAL) throw broken(file, `「${e.name}」的位置不对`);
    const dataStart = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    if (dataStart + e.compressed > bytes.length) throw broken(file, `「${e.name}」不完整`);
    const data = bytes.subarray(dataStart, dataStart + e.compressed);
    let real: number;
    if (e.method === 0) real = data.length;
    else if (e.method === 8) {
      try {
        real = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bomb(file, `「${e.name}」解压后比声明的大`);
        throw broken(file, `「${e.name}」无法解压`);
      }
    } else throw broken(file, `「${e.name}」用了不支持的压缩方法（${e.method}）`);
    if (real !== e.uncompressed) throw bomb(file, `「${e.name}」解压后的大小与声明的不符`);
  }
}
