// Renders a few sample documents (images, tables, both families) as PDF in turn, in one
// process. Run directly, it prints them as JSON: the levers test runs it in a process where
// pdfkit is left as shipped, and in one where zlib finishes its work backwards.
import { renderDoc, DATA } from '../pipeline/build.ts';
import path from 'node:path';
import { writePdf } from '../../src/writers/pdf/index.ts';

const SAMPLES = [
  ['proposal', 'mengyuan-ruye'],
  ['card', 'qcxq-jiedai-zhongxin'],
  ['proposal', 'qcxq-jiedai-zhongxin'],
  ['product', 'mengyuan-ruye'],
] as const;

export async function samplePdfs(): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const [template, customer] of SAMPLES) out.push(await writePdf(renderDoc(template, customer).doc, { assetsDir: path.join(DATA, 'assets') }));
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  process.stdout.write(JSON.stringify((await samplePdfs()).map((b) => Buffer.from(b).toString('base64'))));
}
