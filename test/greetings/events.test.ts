// The events of a customer (tuangou greetings): the domain rules, and the data checks on them.
import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { eventDue, greetingDate, greetingKindOf, honorificFor, mourningOn } from '../../src/domain/greetings.ts';
import { DATA } from '../pipeline/build.ts';

describe('greeting rules', () => {
  it('answers illness and bereavement with sympathy, everything else with congratulation', () => {
    expect(greetingKindOf('生病')).toBe('慰问');
    expect(greetingKindOf('丧事')).toBe('慰问');
    for (const k of ['升职', '婚嫁', '升学', '乔迁', '开业', '周年'] as const) expect(greetingKindOf(k)).toBe('贺信');
  });

  it('greets an event in the window or up to 30 days before it, never one after it', () => {
    const w = { today: '2026-12-03', from: '2026-12-03', to: '2026-12-10' };
    expect(eventDue('2026-11-03', w)).toBe(true);
    expect(eventDue('2026-11-02', w)).toBe(false);
    expect(eventDue('2026-12-10', w)).toBe(true);
    expect(eventDue('2026-12-11', w)).toBe(false);
  });

  it('dates a paper three days before its day, today once that is past', () => {
    expect(greetingDate('2026-12-20', '2026-12-03')).toBe('2026-12-17');
    expect(greetingDate('2026-12-05', '2026-12-03')).toBe('2026-12-03');
    expect(greetingDate('2026-11-30', '2026-12-03')).toBe('2026-12-03');
  });

  it('keeps festive papers from a bereaved person for a hundred days', () => {
    expect(mourningOn(['2026-12-01'], '2026-12-03', '2026-12-03')).toBe('2026-12-01');
    expect(mourningOn(['2026-08-25'], '2026-12-03', '2026-12-03')).toBe('2026-08-25');
    expect(mourningOn(['2026-08-24'], '2026-12-03', '2026-12-03')).toBeUndefined();
    // A death already known, after the birthday it comes before the card is posted.
    expect(mourningOn(['2026-12-04'], '2026-12-03', '2026-12-05')).toBe('2026-12-04');
    expect(mourningOn(['2026-12-04'], '2026-12-03', '2026-12-01')).toBeUndefined();
  });

  it('names a relative courteously, in any of the forms offices write', () => {
    expect(['父亲', '父', '母亲', '母', '儿子', '子', '女儿', '女', '妻子', '妻', '爱人', '丈夫', '岳父'].map(honorificFor)).toEqual([
      '令尊', '令尊', '令堂', '令堂', '令郎', '令郎', '令爱', '令爱', '尊夫人', '尊夫人', '您的爱人', '您的先生', '您的岳父',
    ]);
  });
});

describe('events in the data', () => {
  it('are clean in the sample data', () => {
    const data = loadData(DATA);
    expect(data.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect([...data.customers.values()].flatMap((c) => c.events ?? []).map((e) => e.kind).sort()).toEqual(['丧事', '升学', '升职', '周年', '生病']);
  });

  it('name a contact of the unit and a known kind, with file, line and field when not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tuangou-events-'));
    cpSync(DATA, dir, { recursive: true });
    const file = path.join(dir, 'customers/beijiang-xitu.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('person: 吴立峰', 'person: 吴立锋'));
    const other = path.join(dir, 'customers/qcxq-shuiwuju.yaml');
    writeFileSync(other, readFileSync(other, 'utf8').replace('kind: 生病', 'kind: 住院'));
    const data = loadData(dir);
    const shown = data.issues.filter((i) => i.field.startsWith('events')).map((i) => formatIssue(i).replace(/^\S*\/customers\//, ''));
    const line = (f: string, s: string) => readFileSync(f, 'utf8').split('\n').findIndex((l) => l.includes(s)) + 1;
    expect(shown.sort()).toEqual([
      `qcxq-shuiwuju.yaml:${line(other, 'kind: 住院')}:11 events[0].kind(事由) 错误：应为以下之一：升职、婚嫁、升学、乔迁、开业、周年、生病、丧事`,
      `beijiang-xitu.yaml:${line(file, 'person: 吴立锋')}:13 events[0].person(人) 错误：「吴立锋」不在本单位的联系人里，是否想写「吴立峰」？`,
    ].sort());
  });
});
