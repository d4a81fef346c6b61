// Images come only from the data folder's assets/, only as PNG or JPEG, read by us (never by
// pdfmake or docx from a path), so a template cannot point a writer at another file.
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import type { Doc } from '../document/model.ts';

export interface Asset {
  readonly data: Buffer;
  readonly type: 'png' | 'jpg';
  /** Pixel size, for the aspect ratio. */
  readonly width: number;
  readonly height: number;
}

const MAX_BYTES = 20 * 1024 * 1024;
// A logo or a scanned seal needs a few; a small file can declare far more (a decompression bomb).
const MAX_PIXELS = 25_000_000;

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (data.length < 24 || data.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/**
 * Every chunk whole with its CRC, the pixel data inflating within its declared size, and IEND at
 * the end. A damaged PNG otherwise fails inside a writer, in English, once per document.
 */
function pngIntact(data: Buffer, size: { width: number; height: number }): boolean {
  const pixelData: Buffer[] = [];
  for (let at = 8; at + 12 <= data.length; ) {
    const length = data.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > data.length || crc32(data.subarray(at + 4, end - 4)) !== data.readUInt32BE(end - 4)) return false;
    const type = data.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') pixelData.push(data.subarray(at + 8, end - 4));
    if (type === 'IEND') {
      try {
        // At most 8 bytes a pixel (16-bit RGBA) and a filter byte a row.
        inflateSync(Buffer.concat(pixelData), { maxOutputLength: size.height * (size.width * 8 + 1) });
        return true;
      } catch {
        return false;
      }
    }
    at = end;
  }
  return false;
}

function jpegSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < data.length && data[at] === 0xff) {
    const marker = data[at + 1] ?? 0;
    // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    }
    at += 2 + data.readUInt16BE(at + 2);
  }
  return undefined;
}

interface Kept {
  readonly file: string;
  readonly mtimeMs: number;
  readonly size: number;
  readonly asset: Asset;
}
/** Assets already read, by folder and name: a mailing shows the same logo and seal on every letter. */
const kept = new Map<string, Kept>();

/**
 * Reads `assets/<name>`; refuses paths that leave the folder (also through symlinks) and non-images.
 * A file read before is taken again while its size and modification time are unchanged.
 */
export async function readAsset(assetsDir: string, name: string): Promise<Asset> {
  const key = `${assetsDir}\0${name}`;
  const before = kept.get(key);
  if (before) {
    const now = await stat(before.file).catch(() => undefined);
    if (now?.mtimeMs === before.mtimeMs && now.size === before.size) return before.asset;
  }
  const dir = await realpath(assetsDir);
  if (isAbsolute(name) || !isInside(dir, resolve(dir, name))) throw new Error(`图片路径不在 assets 目录内：${name}`);
  const file = await realpath(resolve(dir, name)).catch(() => {
    throw new Error(`找不到图片：assets/${name}`);
  });
  if (!isInside(dir, file)) throw new Error(`图片路径不在 assets 目录内：${name}`);
  const { mtimeMs, size: bytes } = await stat(file);
  if (bytes > MAX_BYTES) throw new Error(`图片太大（超过 20 MB）：assets/${name}`);
  const data = await readFile(file);
  const png = pngSize(data);
  const size = png ?? jpegSize(data);
  if (!size || size.width === 0 || size.height === 0) throw new Error(`只支持 PNG 或 JPEG 图片：assets/${name}`);
  if (size.width * size.height > MAX_PIXELS) {
    throw new Error(`图片像素太多（${size.width} × ${size.height}），不能超过 ${MAX_PIXELS / 1e6} 百万像素：assets/${name}`);
  }
  if (png && !pngIntact(data, size)) throw new Error(`图片文件不完整或已损坏，请重新导出：assets/${name}`);
  const asset: Asset = { data, type: png ? 'png' : 'jpg', ...size };
  kept.set(key, { file, mtimeMs, size: data.length, asset });
  return asset;
}

/** The names of the assets `doc` shows (images and seals). */
export function docAssetNames(doc: Doc): Set<string> {
  const names = new Set<string>();
  for (const section of doc.sections)
    for (const block of section.blocks) {
      if (block.type === 'image') names.add(block.asset);
      if (block.type === 'signature' && block.seal !== undefined) names.add(block.seal);
    }
  return names;
}

/** Every image and seal of the Doc, read once each, by asset name. */
export async function readDocAssets(doc: Doc, assetsDir: string): Promise<ReadonlyMap<string, Asset>> {
  const assets = new Map<string, Asset>();
  for (const name of docAssetNames(doc)) assets.set(name, await readAsset(assetsDir, name));
  return assets;
}
