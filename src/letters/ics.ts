// An iCalendar file (RFC 5545) of the follow-up: all-day visit tasks and key dates. Written by
// hand: a few all-day VEVENTs need no library, only the escaping and line folding done right.
import type { IsoDate } from '../domain/dates.ts';
import { addDays } from '../domain/dates.ts';

export interface CalendarEvent {
  readonly uid: string;
  readonly title: string;
  readonly description?: string;
  readonly start: IsoDate;
  /** Inclusive last day. */
  readonly end: IsoDate;
}

/**
 * TEXT per RFC 5545 §3.3.11: backslash, semicolon and comma escaped, every line break (CRLF, LF or
 * a lone CR, which readers take as the end of the content line) written as the two characters \n, and the other
 * control characters, which TEXT may not hold, left out.
 */
const escapeText = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '');
const day = (d: IsoDate): string => d.replaceAll('-', '');

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function calendar(name: string, events: readonly CalendarEvent[], stamp: IsoDate): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//tuangou//团购文书生成器//ZH', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(name)}`];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${day(stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${day(e.start)}`,
      `DTEND;VALUE=DATE:${day(addDays(e.end, 1))}`,
      `SUMMARY:${escapeText(e.title)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
