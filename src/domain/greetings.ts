// The people's own occasions (domain.md §10, §13): which recorded events call for which paper,
// when it is due and dated, whom a bereaved person may not be sent, and how a relative is named.
import { sameKin } from './kinship.ts';
import { addDays, compareIso, formatChineseDate, type IsoDate } from './dates.ts';

/** What may happen to a contact, or to the unit (开业, 周年), that a letter answers. */
export const EVENT_KINDS = ['升职', '婚嫁', '升学', '乔迁', '开业', '周年', '生病', '丧事'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The three papers: a birthday card, a letter of congratulation, a letter of sympathy or condolence. */
export const GREETING_KINDS = ['生日', '贺信', '慰问'] as const;
export type GreetingKind = (typeof GREETING_KINDS)[number];

const SAD: readonly EventKind[] = ['生病', '丧事'];

/** The paper an event calls for: 慰问 for illness and bereavement, 贺信 for the rest. */
export const greetingKindOf = (kind: EventKind): Exclude<GreetingKind, '生日'> => (SAD.includes(kind) ? '慰问' : '贺信');

/** News of an event often comes late: its letter is still sent this many days after it. */
export const LATE_DAYS = 30;

/** [ours] The hundred days of mourning (百日): no birthday card or congratulation reaches a bereaved person. */
export const MOURNING_DAYS = 100;

/** [ours] A card or letter is posted this many days before its day: in-town post takes one to three. */
export const POST_DAYS = 3;

export interface GreetingWindow {
  readonly today: IsoDate;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Whether a recorded event is greeted in the window: on a day in it, or up to LATE_DAYS before it. */
export const eventDue = (date: IsoDate, w: GreetingWindow): boolean => compareIso(date, addDays(w.from, -LATE_DAYS)) >= 0 && compareIso(date, w.to) <= 0;

/** The day a greeting is dated and posted: POST_DAYS before its occasion, today once that is past (as a festival letter is dated). */
export function greetingDate(occasion: IsoDate, today: IsoDate): IsoDate {
  const post = addDays(occasion, -POST_DAYS);
  return compareIso(post, today) < 0 ? today : post;
}

/**
 * The bereavement that keeps a festive paper (birthday card, congratulation) for `on` from a
 * person: a death in the family recorded in the MOURNING_DAYS before `on`, or after it but known
 * already (on or before today). Undefined when there is none.
 */
export function mourningOn(deaths: readonly IsoDate[], on: IsoDate, today: IsoDate): IsoDate | undefined {
  const latest = compareIso(on, today) > 0 ? on : today;
  return deaths.find((d) => compareIso(d, addDays(on, -MOURNING_DAYS)) >= 0 && compareIso(d, latest) <= 0);
}

/** How every paper and list says why a bereaved person is not congratulated: 家中有丧事（2026年12月1日）. */
export const bereavement = (death: IsoDate): string => `家中有丧事（${formatChineseDate(death)}）`;

/** mourningOn for one person, from a unit's recorded events (丧事 in their family). */
export function bereavedOn(events: readonly { readonly kind: string; readonly person: string; readonly date: IsoDate }[], person: string, on: IsoDate, today: IsoDate): IsoDate | undefined {
  return mourningOn(
    events.filter((e) => e.kind === '丧事' && e.person === person).map((e) => e.date),
    on,
    today,
  );
}

/** The courteous names of another's relatives (令尊, 令堂 …), by kinship word in any of its forms. */
const HONORIFICS: readonly (readonly [string, string])[] = [
  ['父亲', '令尊'],
  ['母亲', '令堂'],
  ['儿子', '令郎'],
  ['女儿', '令爱'],
  ['妻子', '尊夫人'],
  ['丈夫', '您的先生'],
  ['哥哥', '令兄'],
  ['弟弟', '令弟'],
  ['姐姐', '令姐'],
  ['妹妹', '令妹'],
];

/** How a letter names the reader's relative: 令尊, 令爱 …; 您的 + the word for any other (您的岳父). */
export function honorificFor(relation: string): string {
  const r = relation.trim();
  if (r === '爱人') return '您的爱人';
  const found = HONORIFICS.find(([kin]) => sameKin(kin, r) || kin === r);
  return found ? found[1] : `您的${r}`;
}
