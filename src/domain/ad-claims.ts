// Wording alcohol advertising may not use (广告法 §23, domain.md §12): no health or
// performance effect of drinking, stated or implied. Proposals, product sheets and letters
// count as advertising, so `check` looks for these in every text that reaches them.

/** Each kind of forbidden claim: how it is written, and why it may not be. */
const CLAIMS: readonly (readonly [RegExp, string])[] = [
  [/不上头|不打头|不头疼|不头痛|不口干|醒酒快|易醒酒|解酒/, '宣称饮后没有不适'],
  [/伤身|伤胃|养胃|暖胃|伤肝|护肝|(?:有益|有利于|利于|促进|呵护)(?:身体)?健康|兼顾[^，。；]{0,6}健康/, '宣称有益健康或无害'],
  [/养生|保健|滋补|滋阴|补肾|壮阳|延年|益寿|长寿|强身|健体|活血|祛湿|驱寒|舒筋/, '宣称养生、保健功效'],
  [/解乏|(?:消除|缓解)疲劳|解压|减压|缓解(?:压力|紧张|焦虑)|放松身心|消愁|解忧|提神|(?:增加|增强)体力/, '宣称消除紧张、焦虑或增加体力'],
  [/助眠|安神|(?:改善|帮助)睡眠/, '宣称助眠、安神'],
  [/不影响(?:第二天|次日|隔天|翌日|明天)|(?:第二天|次日|隔天|翌日)[^，。；、]{0,4}不影响|饮后(?:舒适|舒服)|喝得舒服/, '宣称饮后身体舒适、不误事'],
];

export interface AdClaim {
  /** The words as written. */
  readonly words: string;
  /** What they claim. */
  readonly why: string;
}

/** Every forbidden claim in `text`, kind by kind in the order of the list above. */
export function adClaimsIn(text: string): AdClaim[] {
  return CLAIMS.flatMap(([pattern, why]) => [...text.matchAll(new RegExp(pattern.source, 'g'))].map((m) => ({ words: m[0], why })));
}
