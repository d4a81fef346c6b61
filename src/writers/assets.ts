// Images come only from the data folder's assets/, only as PNG or JPEG, read by us (never by
// pdfmake or docx from a path), so a template cannot point a writer at another file.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Doc } from '../document/model.ts';
import { readRegular } from '../util/fs.ts';
import { checkJpeg } from './jpeg.ts';
import { pngHeader, pngIntact } from './png.ts';

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

const DAMAGED = '图片文件不完整或已损坏，请重新导出';

/**
 * What the bytes are and their pixel size, or why they cannot be used. A PNG's pixel data is
 * checked only after its size (`intact`), so a small file declaring a huge image is not inflated.
 */
function imageOf(data: Buffer): { type: Asset['type']; width: number; height: number; intact?: () => boolean } | string {
  const png = pngHeader(data);
  if (png) return png.width === 0 || png.height === 0 ? DAMAGED : { type: 'png', width: png.width, height: png.height, intact: () => pngIntact(data, png) };
  const jpeg = checkJpeg(data);
  if (jpeg === 'not-jpeg') return '只支持 PNG 或 JPEG 图片';
  if (jpeg === 'unsupported') return 'JPEG 的编码方式不受支持（无损、算术编码或 12 位），请另存为普通的 JPEG 或 PNG';
  if (jpeg === 'damaged' || jpeg.width === 0 || jpeg.height === 0) return DAMAGED;
  return { type: 'jpg', ...jpeg };
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
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
  const { mtimeMs } = await stat(file);
  const data = readRegular(file, MAX_BYTES);
  if (!Buffer.isBuffer(data)) throw new Error(`${data.reason}：assets/${name}`);
  const image = imageOf(data);
  if (typeof image === 'string') throw new Error(`${image}：assets/${name}`);
  if (image.width * image.height > MAX_PIXELS) {
    throw new Error(`图片像素太多（${image.width} × ${image.height}），不能超过 ${MAX_PIXELS / 1e6} 百万像素：assets/${name}`);
  }
  if (image.intact?.() === false) throw new Error(`${DAMAGED}：assets/${name}`);
  const asset: Asset = { data, type: image.type, width: image.width, height: image.height };
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
