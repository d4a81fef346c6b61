// Renders a few sample documents (images, tables, both families) in one format, in turn, in one
// process. Run directly (`sample-docs.ts pdf`), it prints them as JSON: the levers tests run it
// in a process where pdfkit or docx is left as shipped, and in one where zlib finishes its work
// backwards.
import { execFileSync } from 'node:child_process';
import { renderDoc, DATA, ROOT } from '../pipeline/build.ts';
import path from 'node:path';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';

const SAMPLES = [
  ['proposal', 'mengyuan-ruye'],
  ['card', 'qcxq-jiedai-zhongxin'],
  ['proposal', 'qcxq-jiedai-zhongxin'],
  ['product', 'mengyuan-ruye'],
] as const;

const WRITERS = { pdf: writePdf, docx: writeDocx };
export type SampleFormat = keyof typeof WRITERS;

export async function sampleDocs(format: SampleFormat): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const [template, customer] of SAMPLES) out.push(await WRITERS[format](renderDoc(template, customer).doc, { assetsDir: path.join(DATA, 'assets') }));
  return out;
}

/** The samples rendered in a child process with `env` added and `preload` imported first. */
export function childSamples(format: SampleFormat, opts: { env?: Record<string, string>; preload?: string } = {}): Buffer[] {
  const args = ['--import', 'tsx', ...(opts.preload ? ['--import', opts.preload] : []), 'test/writers/sample-docs.ts', format];
  const json = execFileSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...opts.env }, maxBuffer: 64 << 20 }).toString();
  return (JSON.parse(json) as string[]).map((b) => Buffer.from(b, 'base64'));
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const format = process.argv[2] as SampleFormat;
  if (!(format in WRITERS)) throw new Error(`sample-docs.ts: pdf or docx, not ${format}`);
  process.stdout.write(JSON.stringify((await sampleDocs(format)).map((b) => Buffer.from(b).toString('base64'))));
}
