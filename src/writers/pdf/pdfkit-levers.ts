// pdfkit does per document what only needs doing once per process. Each lever below hands it
// work already done, for identical bytes (a test renders in a process without the levers and
// compares). pdfmake and pdfkit export none of these seams, so each is reached through an
// object pdfkit hands out and is pinned: verified with pdfkit 0.19.1 and fontkit 2.0.4, and a
// test checks the versions. Set TUANGOU_PDF_PLAIN=1 to run pdfkit as shipped.
// This module must run before pdfmake first loads pdfkit.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import type { Font } from 'fontkit';
import { fontBuffer, parsedFont } from '../../fonts/index.ts';

const require = createRequire(import.meta.url);
const pdfkitRequire = createRequire(require.resolve('pdfmake'));
const pdfkitId = pdfkitRequire.resolve('pdfkit');
const fontkitId = createRequire(pdfkitId).resolve('fontkit');

type Create = (buffer: Uint8Array, postscriptName?: string) => unknown;
// Our TTFs are single fonts, not collections, so the postscript name pdfkit passes selects nothing.
const create: Create = (buffer) => parsedFont(buffer);

/** True when pdfkit gets the shared fonts (the fontkit module pdfkit loads is ours). */
export const leversOn = (): boolean => (createRequire(pdfkitId)('fontkit') as { create: Create }).create === create;

interface PdfKitDoc {
  ref(): object;
  font(src: Uint8Array): { _font: object };
  openImage(src: Buffer): { embed(doc: PdfKitDoc): void };
}

/**
 * pdfkit calls fontkit.create for every document, so every document re-parsed the CJK fonts'
 * tables (cmap, glyf, GSUB…). It gets the registry's one parsed Font per font file instead:
 * 62 → 44 ms per letter. fontkit's exports are read-only getters, so the module's cache entry
 * is replaced before pdfkit first requires it.
 */
function shareParsedFonts(): void {
  const real = require(fontkitId) as { create: Create };
  const entry = require.cache[fontkitId];
  if (entry) entry.exports = { ...real, create };
}

/** Chinese characters and full-width punctuation: a glyph that is the same wherever it stands. */
export const CONTEXT_FREE = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+$/u;

interface Run {
  readonly glyphs: readonly object[];
  readonly positions: readonly object[];
  readonly advanceWidth: number;
}
interface EmbeddedFontProto {
  layoutCached(this: { font: Font; layoutCache?: object; layoutRun(text: string): Run }, text: string): Run;
}

// Enough for the template's words and the recent letters'; beyond it the cache starts again
// rather than grow with every unique name and phone number of a 10,000-letter run.
const MAX_RUNS = 10_000;
const runsByFont = new WeakMap<Font, Map<string, Run>>();

/**
 * pdfkit lays out every word with fontkit (shaping, GSUB lookups) and caches the run per
 * document, so each letter laid out the same template text again. The cache is per font
 * instead. A cached run is already shared by every use of the word within a document, so
 * nothing mutates it; its positions are scaled by the font's own units per em.
 */
function shareLayouts(proto: EmbeddedFontProto): void {
  proto.layoutCached = function (text) {
    if (!this.layoutCache) return this.layoutRun(text); // the document turned caching off
    let runs = runsByFont.get(this.font);
    if (!runs) runsByFont.set(this.font, (runs = new Map()));
    // A run of Chinese characters (text-runs.ts joins them) is its characters' glyphs side by
    // side, whose shaping is kept per character: a line's text is rarely seen twice.
    if (text.length < 2 || !CONTEXT_FREE.test(text)) return keptRun(this, runs, text);
    const glyphs: object[] = [];
    const positions: object[] = [];
    let advanceWidth = 0;
    for (const char of text) {
      const run = keptRun(this, runs, char);
      glyphs.push(...run.glyphs);
      positions.push(...run.positions);
      advanceWidth += run.advanceWidth;
    }
    return { glyphs, positions, advanceWidth };
  };
}

function keptRun(font: { layoutRun(text: string): Run }, runs: Map<string, Run>, text: string): Run {
  let run = runs.get(text);
  if (!run) {
    if (runs.size >= MAX_RUNS) runs.clear();
    run = font.layoutRun(text);
    runs.set(text, run);
  }
  return run;
}

interface GlyphProto {
  _decode(this: GlyphThis): unknown;
}
interface GlyphThis {
  _font: { _variationProcessor?: unknown };
  _decoded?: unknown;
}

/**
 * The subsetter decodes every glyph it copies (to find a composite's parts) in every document.
 * The decoded outline of a glyph never changes, so it is kept on the glyph, which the shared
 * Font keeps. Variable fonts rewrite the points per instance, so they are left alone.
 */
function shareDecodedGlyphs(proto: GlyphProto): void {
  const decode = proto._decode;
  proto._decode = function () {
    if (this._font._variationProcessor) return decode.call(this);
    if (this._decoded === undefined) this._decoded = decode.call(this);
    return this._decoded;
  };
}

interface PngImageThis {
  image: { data: Buffer };
  imgData: Buffer;
  alphaChannel?: Buffer;
  finalize(): void;
}
type PngImageProto = Record<'splitAlphaChannel' | 'loadIndexedAlphaChannel' | 'decodeData', (this: PngImageThis) => void>;

const decodedImages = new Map<string, { imgData: Buffer; alphaChannel?: Buffer }>();
const imageKey = (png: Uint8Array): string => createHash('sha256').update(png).digest('base64');

/**
 * A PNG with transparency is inflated, split into colour and alpha and deflated twice for
 * every document that shows it: the logo and the seal cost each letter ~6 ms. The result
 * depends only on the PNG's bytes, so it is kept per PNG (the data folder's few assets).
 * pdfkit writes an image when its decoding finishes, after the pages. Two images decoded
 * afresh finish in whichever order zlib's threads do, so the same Doc gave different bytes
 * under load: images here finish in the order they were embedded, kept or not, on a later turn.
 */
function shareDecodedImages(proto: PngImageProto): void {
  let previous: Promise<void> = Promise.resolve();
  const inTurn = (finish: () => void): (() => void) => {
    const before = previous;
    let done!: () => void;
    previous = new Promise((resolve) => (done = resolve));
    return () =>
      void before.then(() =>
        setImmediate(() => {
          try {
            finish();
          } finally {
            done();
          }
        }),
      );
  };
  for (const step of ['splitAlphaChannel', 'loadIndexedAlphaChannel', 'decodeData'] as const) {
    const original = proto[step];
    proto[step] = function () {
      const key = imageKey(this.image.data);
      const finalize = this.finalize;
      const done = decodedImages.get(key);
      if (done) {
        this.imgData = done.imgData;
        if (done.alphaChannel) this.alphaChannel = done.alphaChannel;
        inTurn(() => finalize.call(this))();
        return;
      }
      const finish = inTurn(() => {
        decodedImages.set(key, { imgData: this.imgData, ...(this.alphaChannel && { alphaChannel: this.alphaChannel }) });
        finalize.call(this);
      });
      this.finalize = finish;
      return original.call(this);
    };
  }
}

interface ReferenceThis {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  [pending]?: string;
}
type ReferenceProto = Record<'write' | 'finalize', (this: ReferenceThis, chunk?: unknown) => void>;
const pending = Symbol('tuangou-pending');

/**
 * pdfkit turns every operator it writes into a page (a colour, a font, a glyph run: several per
 * Chinese character) into a Buffer of its own, and joins them all when the page ends. Text is
 * kept as one string until a binary chunk or the end comes, and only then becomes a Buffer: the
 * same bytes, a fraction of the allocations.
 */
function writeTextInOne(proto: ReferenceProto): void {
  const { write, finalize } = proto;
  const flush = (ref: ReferenceThis) => {
    const text = ref[pending];
    if (text === undefined) return;
    ref[pending] = undefined;
    ref.buffer.push(Buffer.from(text, 'binary'));
  };
  proto.write = function (chunk) {
    if (chunk instanceof Uint8Array) {
      flush(this);
      return write.call(this, chunk);
    }
    const text = `${String(chunk)}\n`;
    this[pending] = (this[pending] ?? '') + text;
    this.uncompressedLength += text.length;
    this.data.Length = (this.data.Length ?? 0) + text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function () {
    flush(this);
    return finalize.call(this);
  };
}

// A font subset is 100–400 KB; past this many kept bytes (raw and deflated) the kept streams start again.
const MAX_KEPT_BYTES = 16 << 20;
const SMALLEST_KEPT = 16 << 10;
const deflatedStreams = new Map<number, { readonly raw: Uint8Array; readonly packed: Buffer }>();
let keptBytes = 0;

/**
 * pdfkit deflates each stream when its object ends; a font subset takes ~7 ms of a proposal's
 * render. A preview rendered again after an edit mostly embeds the same subset, so a large
 * stream is kept with its deflated bytes, by its length: a stream of a kept length whose bytes
 * are the same is written with the kept deflated bytes. A mailing's letters have subsets of
 * their own, mostly of other lengths, and pay no more than a lookup.
 */
function shareDeflatedStreams(proto: ReferenceProto): void {
  const { finalize } = proto;
  proto.finalize = function () {
    const [raw, ...more] = this.buffer;
    if (this.compress && raw && more.length === 0 && raw.length >= SMALLEST_KEPT) {
      const kept = deflatedStreams.get(raw.length);
      let packed = kept && Buffer.from(kept.raw.buffer, kept.raw.byteOffset, kept.raw.byteLength).equals(raw) ? kept.packed : undefined;
      if (!packed) {
        packed = deflateSync(raw);
        if (kept) keptBytes -= kept.raw.length + kept.packed.length;
        if (keptBytes > MAX_KEPT_BYTES) {
          deflatedStreams.clear();
          keptBytes = 0;
        }
        deflatedStreams.set(raw.length, { raw, packed });
        keptBytes += raw.length + packed.length;
      }
      this.buffer = [packed];
      this.compress = false; // already deflated; the Filter pdfkit set stays
    }
    return finalize.call(this);
  };
}

// A 1 × 1 transparent PNG: opening it hands out pdfkit's PNG image class.
const PROBE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';

if (process.env['TUANGOU_PDF_PLAIN'] !== '1') {
  shareParsedFonts();
  const pdfkit = pdfkitRequire('pdfkit') as new (options: object) => PdfKitDoc;
  const probe = new pdfkit({ autoFirstPage: false });
  shareLayouts(Object.getPrototypeOf(probe.font(fontBuffer('serif', 'regular'))._font) as EmbeddedFontProto);
  shareDecodedGlyphs(Object.getPrototypeOf(parsedFont(fontBuffer('serif', 'regular')).getGlyph(0)) as GlyphProto);
  shareDecodedImages(Object.getPrototypeOf(probe.openImage(Buffer.from(PROBE_PNG, 'base64'))) as PngImageProto);
  const referenceProto = Object.getPrototypeOf(probe.ref()) as ReferenceProto;
  shareDeflatedStreams(referenceProto);
  writeTextInOne(referenceProto); // after: its flush hands the deflating step one chunk
}
