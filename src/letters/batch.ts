// A batch of letters to post — festival letters, birthday cards, congratulations, condolences:
// one letter per item (PDF and .docx), merged print volumes with their envelopes or labels in
// the same order, and the manifest. A bad item is reported and skipped; files are written
// atomically, and a rerun with resume skips letters already complete.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import type { DataSet, Rejected } from '../data/dataset.ts';
import { formatIssue } from '../data/issues.ts';
import { AppError, DataError, type Issue } from '../errors.ts';
import type { Contact, Customer } from '../data/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Doc } from '../document/model.ts';
import { neutralise } from '../import/cells.ts';
import { csvText } from '../output/csv.ts';
import { makeFolder, refuseLinks, removeStrayTemps, safeName, writeAtomic } from '../output/write.ts';
import { buildDoc, type Part } from '../pipeline/document.ts';
import { docWriters, type DocWriters } from '../pipeline/writers.ts';
import { docAssetNames, readAsset } from '../writers/assets.ts';
import { readRegular } from '../util/fs.ts';
import type { TemplateSet } from '../pipeline/templates.ts';
import type { Format } from '../template/frontmatter.ts';
import { tracedRecords } from '../pipeline/glyphs.ts';
import { envelopeView, labelsView, type EnvelopeView } from '../views/envelope.ts';

/** Letters per merged print file (and envelope file): a 250-letter layout takes a writer ~300 MB at its peak, 500 letters ~600 MB. */
export const VOLUME_SIZE = 250;

/** Batches longer than this keep their writers' memory tight (see docWriters). */
export const LEAN_FROM = 2_000;

/** One letter of a batch. */
export interface BatchItem {
  /** Its file name without extension, unique in the batch (a festival letter: the customer id). */
  readonly key: string;
  readonly customer: Customer;
  /** Whom its envelope is addressed to; the unit's 决策人 when absent. */
  readonly addressee?: Contact | undefined;
  /** Its envelope in grey, not red: a letter of condolence or sympathy. */
  readonly muted?: boolean | undefined;
  /**
   * Its print volumes: letters of one group go to print-<group>-001.pdf and the envelopes of the
   * same name, so papers of one size and kind are printed together. '' for a batch of one kind.
   */
  readonly group: string;
  /** Its values of the batch's extra manifest columns, in order. */
  readonly columns: readonly string[];
  /** The manifest status of a letter not to be made (skipped: … / failed: …), instead of building it. */
  readonly status?: string | undefined;
  /** The letter; a DataError fails this item alone. */
  readonly doc: () => Doc;
}

export interface BatchRequest {
  /** Writers already started (the caller closes them); else `jobs` are started for the run. */
  readonly writers?: DocWriters | undefined;
  /** Documents written at once (writer processes); 1 writes in this process. */
  readonly jobs?: number | undefined;
  readonly data: DataSet;
  readonly templates: TemplateSet;
  /** In print order. */
  readonly items: readonly BatchItem[];
  readonly today: IsoDate;
  readonly outDir: string;
  /** The batch's folder under outDir. */
  readonly folder: string;
  /** Names its print and envelope volumes: 2027年春节致函. */
  readonly title: string;
  /** The templates every letter uses: an error in one stops the run before anything is written. */
  readonly letterTemplates: readonly string[];
  /** Manifest columns after 邮编 that the items fill. */
  readonly columns?: readonly string[] | undefined;
  readonly formats: readonly Format[];
  readonly resume: boolean;
  /** Letters per print volume; VOLUME_SIZE unless a test wants small volumes. */
  readonly volumeSize?: number | undefined;
  /** Customer files that did not load, to report as failed: the data set's, unless the caller narrowed them (a shard). */
  readonly rejected?: ReadonlyMap<string, Rejected> | undefined;
  /** A4 address-label sheets instead of DL envelopes. */
  readonly labels?: boolean | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Stops the run between letters: letters a writer has begun are finished, the rest are listed as not made. */
  readonly signal?: AbortSignal | undefined;
}

export interface ManifestRow {
  readonly id: string;
  readonly unit: string;
  readonly recipient: string;
  readonly address: string;
  readonly postcode: string;
  /** The batch's extra columns. */
  readonly columns: readonly string[];
  readonly files: readonly string[];
  readonly status: string;
  /** Where a failed row's problem is in the data, when it is known: a front end links there. */
  readonly issues?: readonly Issue[];
}

export interface BatchResult {
  readonly folder: string;
  /** Print, envelope and label volumes of an earlier run, removed from the folder. */
  readonly removed: readonly string[];
  readonly rows: readonly ManifestRow[];
  readonly files: readonly string[];
  readonly failed: number;
  /** The items whose letters were written (or found complete on resume), in print order. */
  readonly made: readonly BatchItem[];
  /** The run was stopped by its signal before every letter was made. */
  readonly cancelled: boolean;
}

/** Far above any letter (≈ 100–300 KB), far below what would exhaust memory. */
const MAX_LETTER_BYTES = 64 * 1024 * 1024;

/** A PDF or .docx that a killed run cannot have left half-written: right header and trailer. */
export function completeFile(file: string): boolean {
  // Only a regular file counts: a pipe planted in its place would hang the run.
  const bytes = readRegular(file, MAX_LETTER_BYTES);
  if (!Buffer.isBuffer(bytes)) return false;
  if (file.endsWith('.pdf')) return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-1024).toString('latin1').includes('%%EOF');
  // A zip ends with its end-of-central-directory record, PK\x05\x06, within the last 64 KB.
  return bytes.subarray(0, 2).toString('latin1') === 'PK' && bytes.subarray(-65_557).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}

/** An item's letter as built: its Doc, or the manifest status saying why there is none. */
type Built = {
  readonly item: BatchItem;
  readonly envelope: EnvelopeView;
  readonly row: Omit<ManifestRow, 'files' | 'status' | 'issues'>;
} & ({ readonly doc: Doc; readonly cover: Doc } | Unmade);
type Printable = Built & { readonly doc: Doc; readonly cover: Doc };
const printable = (l: Built): l is Printable => 'doc' in l;

/** Why a letter was not made: its manifest status, and the issues behind a failure. */
type Unmade = Pick<ManifestRow, 'status' | 'issues'>;
/** Just the status and issues of something that carries them. */
const unmadeOf = ({ status, issues }: Unmade): Unmade => (issues ? { status, issues } : { status });

/** The files a letter was written to, or why it was not made. */
type Outcome = { readonly files: readonly string[] } | Unmade;

const aborted = (e: unknown): boolean => e instanceof AppError && e.code === 'aborted';

const MANIFEST = 'manifest.csv';

/** The manifest's status of an item a cancelled run did not reach; a resumed run makes it. */
export const NOT_MADE = 'skipped: 已取消，没有生成';

/** How many items the manifest in this folder lists as not reached by a cancelled run (0 without one). */
export function notMadeIn(folder: string): number {
  // A manifest of 10,000 rows is about 2 MB.
  const manifest = readRegular(path.join(folder, MANIFEST), 64 << 20);
  return Buffer.isBuffer(manifest) ? manifest.toString('utf8').split('\n').filter((line) => line.includes(NOT_MADE)).length : 0;
}

const VOLUME_FILE = /^(print|envelopes|labels)(-[^.]+)?-\d{3}\.pdf$/;

/** Writes a small file of the batch (a manifest, a follow-up list) atomically under its output folder. */
export const writeBatchFile = (req: Pick<BatchRequest, 'outDir'>, file: string, text: string): void => writeAtomic(file, text, { root: req.outDir });

/** A CSV as the export writes it (BOM, CRLF), each cell neutralised against formula injection. */
export const batchCsv = (header: readonly string[], body: readonly (readonly string[])[]): string => csvText([[...header], ...body.map((r) => r.map(neutralise))]);

export async function runBatch(req: BatchRequest): Promise<BatchResult> {
  if (req.writers) return run(req, req.writers);
  // Past a few thousand letters memory, not time, is what a batch runs short of.
  const writers = docWriters(req.jobs ?? 1, { lean: req.items.length > LEAN_FROM });
  try {
    return await run(req, writers);
  } finally {
    await writers.close();
  }
}

async function run(req: BatchRequest, writers: DocWriters): Promise<BatchResult> {
  const { data, today } = req;
  const folder = path.join(req.outDir, req.folder);
  const lettersDir = path.join(folder, 'letters');
  const assetsDir = path.join(data.dir, 'assets');
  const rel = (f: string) => path.relative(folder, f);
  const blank = (req.columns ?? []).map(() => '');
  const rows: ManifestRow[] = [];
  const written: string[] = [];
  // A template error or an --out that cannot hold the folder would fail every letter alike:
  // each stops the run once, before anything is written.
  for (const name of [...req.letterTemplates, req.labels ? 'labels' : 'envelope']) req.templates.get(name);
  // A link planted below --out (out/2027-春节/letters → elsewhere) stops the run here, once;
  // every write below checks again.
  makeFolder(folder, req.outDir);
  refuseLinks(lettersDir, req.outDir);
  for (const dir of [folder, lettersDir]) removeStrayTemps(dir);

  // Customer files that did not load are not in the data set; they fail here, by name.
  for (const [id, { issues }] of req.rejected ?? data.rejectedCustomers) {
    rows.push({ id, unit: '', recipient: '', address: '', postcode: '', columns: blank, files: [], status: `failed: ${issues.map(formatIssue).join('；')}`, issues });
  }

  // Each asset is checked once, before the first letter showing it is queued: a missing or
  // broken logo would fail every letter, then the print file.
  const checkedAssets = new Set<string>();
  const checkAssets = async (doc: Doc) => {
    for (const name of docAssetNames(doc)) {
      if (checkedAssets.has(name)) continue;
      try {
        await readAsset(assetsDir, name);
      } catch (e) {
        throw new DataError((e as Error).message, { hint: '信函里的图片（公司标志、印章）取自数据文件夹的 assets/；这次一封信也没有写', cause: e });
      }
      checkedAssets.add(name);
    }
  };

  const made: BatchItem[] = [];
  let done = 0;
  req.onProgress?.(0, req.items.length);
  const progressed = <T>(p: Promise<T>): Promise<T> => p.finally(() => req.onProgress?.(++done, req.items.length));
  // One line a row: the lines of a message are joined by ；, a heading's colon followed directly.
  const failed = (e: unknown): Unmade => ({
    status: `failed: ${(e as Error).message.replace(/：\s*\n\s*/g, '：').replace(/\s*\n\s*/g, '；')}`,
    ...(e instanceof AppError && e.issues.length > 0 && { issues: e.issues }),
  });

  /** The envelopes, or the sheet of labels, of these addresses in this order. */
  const coverParts = (envelopes: readonly EnvelopeView[]): Part[] =>
    req.labels
      ? [{ template: req.templates.get('labels'), view: labelsView(envelopes) }]
      : envelopes.map((view) => ({ template: req.templates.get('envelope'), view }));

  /** A letter's Doc, or why it has none. Built here, so a data error names its file and line. */
  const build = (item: BatchItem): Built => {
    const { customer } = item;
    const envelope = envelopeView(data, customer, item.addressee, { muted: item.muted });
    const row = {
      id: customer.id,
      unit: customer.name,
      recipient: envelope.recipient.addressee ?? `${customer.name} 收`,
      address: customer.address,
      postcode: customer.postcode ?? '',
      columns: item.columns,
    };
    if (item.status !== undefined) return { item, envelope, row, status: item.status };
    if (!customer.postcode) return { item, envelope, row, status: 'skipped: 缺少邮编，无法邮寄' };
    try {
      const doc = item.doc();
      // The customer's own envelope (or label), checked here with its records traced: a
      // character the fonts lack in the address or the addressee's full name (which the letter
      // may not show) fails this customer's row, not the whole volume's envelopes.
      const cover = buildDoc(req.templates, { parts: coverParts([envelope]), title: customer.name, data, traced: tracedRecords(data, customer, undefined), today });
      return { item, envelope, row, doc, cover };
    } catch (e) {
      return { item, envelope, row, ...failed(e) };
    }
  };

  const author = data.company?.name ?? '';
  /**
   * The print file and the envelopes (or labels) of one volume's letters, in the same order;
   * with `signal`, not started once it aborts.
   */
  const writeVolume = (group: string, n: number, letters: readonly Printable[], signal?: AbortSignal): Promise<string[][]> => {
    const no = `${group === '' ? '' : `${group}-`}${String(n).padStart(3, '0')}`;
    const named = `${req.title}${group}`;
    const print: Doc = {
      meta: { title: `${named}（打印）第 ${n} 册`, author, created: `${today}T00:00:00Z` },
      sections: letters.flatMap((l) => l.doc.sections),
    };
    const title = `${named}${req.labels ? '地址标签' : '信封'}第 ${n} 册`;
    // Each envelope was built and checked with its letter; a sheet of labels is laid out whole.
    const covers: Doc = req.labels
      ? buildDoc(req.templates, { parts: coverParts(letters.map((l) => l.envelope)), title, data, traced: [], today })
      : { meta: { title, author, created: `${today}T00:00:00Z` }, sections: letters.flatMap((l) => l.cover.sections) };
    // The two longest tasks of a volume go ahead of its letters not yet started (written last,
    // they would leave one writer working alone at the end of the run), and one at a time: a
    // 250-page layout is most of the run's peak memory.
    const big = (doc: Doc, name: string) => {
      const file = heavy.then(() => writers.write({ doc, formats: ['pdf'], base: path.join(folder, name), assetsDir, root: req.outDir }, { first: true, signal }));
      heavy = file.catch(() => {});
      return file;
    };
    return Promise.all([big(print, `print-${no}`), big(covers, `${req.labels ? 'labels' : 'envelopes'}-${no}`)]);
  };
  let heavy: Promise<unknown> = Promise.resolve();

  const write = async (l: Built): Promise<Outcome> => {
    if (!printable(l)) return unmadeOf(l);
    const base = path.join(lettersDir, safeName(l.item.key));
    const targets = req.formats.map((f) => `${base}.${f}`);
    if (req.resume && targets.every(completeFile)) return { files: targets };
    // Cancelled, a letter still waiting for a writer is not made, like the ones never built.
    const unmade = (e: unknown): Unmade => (aborted(e) ? { status: NOT_MADE } : failed(e));
    return writers.write({ doc: l.doc, formats: req.formats, base, assetsDir, root: req.outDir }, { signal: req.signal }).then((files) => ({ files }), unmade);
  };

  /** Manifest rows of one volume's letters, in print order, once each is written. */
  const settle = async (group: string, n: number, letters: readonly Built[], outcomes: readonly Promise<Outcome>[], volume: Promise<string[][]> | undefined) => {
    const unwritten: Printable[] = [];
    for (const [i, letter] of letters.entries()) {
      const outcome = await outcomes[i]!;
      if ('status' in outcome) {
        rows.push({ ...letter.row, files: [], ...unmadeOf(outcome) });
        if (printable(letter)) unwritten.push(letter);
        continue;
      }
      written.push(...outcome.files);
      rows.push({ ...letter.row, files: outcome.files.map(rel), status: 'ok' });
      made.push(letter.item);
    }
    if (!volume) return;
    // A letter whose own file could not be written, or that a cancel left unmade, is not mailed:
    // its volume is made again without it. A cancel that came before the volume started spared
    // laying it out with letters that will not exist; it is made with the letters that do.
    let files: string[][] = [];
    let again = unwritten.length > 0;
    try {
      files = await volume;
    } catch (e) {
      if (!aborted(e)) throw e;
      again = true;
    }
    if (again) {
      const kept = letters.filter(printable).filter((l) => !unwritten.includes(l));
      files = kept.length > 0 ? await writeVolume(group, n, kept) : [];
    }
    written.push(...files.flat());
  };

  // A volume at a time: each letter is built here, in print order, and queued for the writers
  // at once; when the volume's letters are all built, its print file and envelopes are
  // queued too. The next volume is built while this one is written, so at most two volumes
  // are held, however long the batch. A volume holds one group's letters only.
  const size = req.volumeSize ?? VOLUME_SIZE;
  const volumes = new Map<string, number>();
  let previous: Promise<void> = Promise.resolve();
  const stopped = () => req.signal?.aborted === true;
  let at = 0;
  while (at < req.items.length && !stopped()) {
    const group = req.items[at]!.group;
    const n = (volumes.get(group) ?? 0) + 1;
    volumes.set(group, n);
    const letters: Built[] = [];
    const outcomes: Promise<Outcome>[] = [];
    // A volume is `size` letters; items skipped or failed here are not counted.
    for (let count = 0; count < size && at < req.items.length && req.items[at]!.group === group && !stopped(); at++) {
      const l = build(req.items[at]!);
      if (printable(l)) {
        count++;
        await checkAssets(l.doc);
      }
      letters.push(l);
      outcomes.push(progressed(write(l)));
      await setImmediate(); // let finished documents hand the writers their next ones
    }
    const printed = letters.filter(printable);
    const volume = req.formats.includes('pdf') && printed.length > 0 ? writeVolume(group, n, printed, req.signal) : undefined;
    // A volume that fails to write (disk full) fails the run, once the letters before it are settled.
    volume?.catch(() => {});
    await previous;
    previous = settle(group, n, letters, outcomes, volume);
    // Awaited on the next round; until then a failure must not count as unhandled (which ends Node).
    previous.catch(() => {});
  }
  await previous;
  // A cancelled run says which letters it did not make: the manifest lists every item.
  for (const { customer, columns } of req.items.slice(at)) {
    rows.push({ id: customer.id, unit: customer.name, recipient: '', address: customer.address, postcode: customer.postcode ?? '', columns, files: [], status: NOT_MADE });
  }
  // Volumes an earlier, larger run (or one with envelopes instead of labels) left here would be
  // printed and mailed a second time; letters stay, the manifest says which are this run's. A
  // run without PDFs makes no volumes, and leaves the last ones alone.
  const stale = req.formats.includes('pdf') ? readdirSync(folder).filter((f) => VOLUME_FILE.test(f) && !written.includes(path.join(folder, f))) : [];
  for (const f of stale) rmSync(path.join(folder, f), { force: true });

  const manifest = path.join(folder, MANIFEST);
  writeBatchFile(
    req,
    manifest,
    batchCsv(
      ['客户编号', '单位名称', '收信人', '地址', '邮编', ...(req.columns ?? []), '文件', '状态'],
      rows.map((r) => [r.id, r.unit, r.recipient, r.address, r.postcode, ...r.columns, r.files.join(' '), r.status]),
    ),
  );
  written.push(manifest);

  return {
    folder,
    rows,
    files: written,
    failed: rows.filter((r) => r.status.startsWith('failed')).length,
    made,
    removed: stale,
    cancelled: at < req.items.length,
  };
}
