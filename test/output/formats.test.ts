// The CSV and iCalendar text we write, read back by independent parsers: a line break or a
// control character inside a value must neither end a row nor forge an event.
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendar } from '../../src/letters/ics.ts';
import { csvText } from '../../src/output/csv.ts';

const HOSTILE = ['第一行\n第二行', '回车\r之后', 'CRLF\r\n之后', '逗号,分号;反斜杠\\', '引号"在中间'];

describe('csvText', () => {
  it('quotes a field holding LF or CR, so every reader gets the rows and fields back whole', () => {
    const rows = [['编号', '备注'], ...HOSTILE.map((text, i) => [String(i), text])];
    const text = csvText(rows);
    expect(text.startsWith('\uFEFF编号,备注\r\n')).toBe(true);
    expect(parse(text, { bom: true })).toEqual(rows);
    expect(text).toContain('"第一行\n第二行"');
  });
});

describe('calendar', () => {
  it('writes no raw CR or LF inside a content line, and ical.js reads every value back', () => {
    const events = HOSTILE.map((title, i) => ({ uid: `e${i}@tuangou`, title, description: `说明：${title}`, start: '2026-12-11' as const, end: '2026-12-15' as const }));
    const ics = calendar('跟进\r\nEND:VCALENDAR', events, '2026-12-01');
    // Every line break in the file is a CRLF ending a content line; none is a lone CR or LF.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const parsed = new ICAL.Component(ICAL.parse(ics));
    const read = parsed.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(read.map((e) => e.summary)).toEqual(HOSTILE.map((t) => t.replace(/\r\n|\r/g, '\n')));
    expect(read.map((e) => e.description)).toEqual(HOSTILE.map((t) => `说明：${t.replace(/\r\n|\r/g, '\n')}`));
    // ical.js leaves an X- property's value unescaped: the break stays the two characters \n.
    expect(ics).toContain('\r\nX-WR-CALNAME:跟进\\nEND:VCALENDAR\r\n');
    expect(ics.match(/^END:VCALENDAR/gm)).toHaveLength(1);
  });

  it('leaves out control characters TEXT may not hold, and keeps a tab', () => {
    const ics = calendar('日程', [{ uid: 'a@tuangou', title: '甲\u0000乙\u001b丙\t丁\u007f', start: '2026-12-11', end: '2026-12-11' }], '2026-12-01');
    const [event] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(event?.summary).toBe('甲乙丙\t丁');
  });
});
