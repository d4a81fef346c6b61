// The Doc model of the built-in proposal for one sample customer, compared with a reviewed
// golden file. After a deliberate change to the template, the view or the markup parser:
//   UPDATE_GOLDEN=1 npx vitest run test/pipeline/golden.test.ts
// then read the diff of the golden file before committing it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDoc } from './build.ts';

const GOLDEN = path.join(import.meta.dirname, '__golden__/proposal-mengyuan-ruye.json');

describe('golden Doc', () => {
  it('templates/proposal.md for mengyuan-ruye (its open deal), --today 2026-11-24', () => {
    // The same steps as `tuangou render proposal mengyuan-ruye --today 2026-11-24`.
    const { doc } = renderDoc('proposal', 'mengyuan-ruye', { today: '2026-11-24' });
    const json = `${JSON.stringify(doc, null, 2)}\n`;
    if (process.env['UPDATE_GOLDEN'] === '1') {
      mkdirSync(path.dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, json);
      return;
    }
    if (!existsSync(GOLDEN)) {
      throw new Error(`${path.relative(process.cwd(), GOLDEN)} is missing: run with UPDATE_GOLDEN=1, check it by eye and commit it`);
    }
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
