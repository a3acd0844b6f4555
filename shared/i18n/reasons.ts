import type { Reason } from '../schemas/workflow'

/** A translate function (i18next's, or the PDF builders'). */
type T = (key: string, options?: Record<string, unknown>) => string

/** What made a rule fire, in words: "关键词“骂”，已勾选，¥6000.00，前台确认" ('' when nothing to say). */
export function evidenceText(t: T, evidence: Reason['evidence']): string {
  return [
    evidence.keyword && t('evidence.keyword', { keyword: evidence.keyword }),
    evidence.ticked && t('evidence.ticked'),
    evidence.amount && t('evidence.amount', { amount: evidence.amount }),
    evidence.confirmed && t('evidence.confirmed'),
  ]
    .filter(Boolean)
    .join(t('evidence.separator'))
}
