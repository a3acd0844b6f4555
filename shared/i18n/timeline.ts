import type { TimelineEntry } from '../schemas/case'

/** A translate function (i18next's, or the PDF builders'). */
type T = (key: string, options?: Record<string, unknown>) => string

/**
 * Fragments main writes into an entry's text in both languages (the timeline stores text as
 * written); the reader sees each in theirs.
 */
export const TIMELINE_MARKS = {
  raisedToClass2: '二类投诉 / Class 2',
  sentBackForReport: '退回已解决，须提交书面报告 / back to Resolved, written report due',
} as const

/**
 * The satisfaction (1–5) a follow-up entry recorded: main writes it as "4/5", with the early
 * reason after " · " when there was one. Null when the entry holds none.
 */
export function followUpScore(detail: string | undefined): { score: number; rest: string } | null {
  const m = /^([1-5])\/5(?: · (.*))?$/s.exec(detail ?? '')
  return m ? { score: Number(m[1]), rest: m[2] ?? '' } : null
}

/**
 * One timeline entry as the reader sees it: what happened and what it said, never a bare
 * record ("回访：满意 4/5", with the reason a call was early beside it — not "4/5").
 */
export function timelineText(t: T, entry: Pick<TimelineEntry, 'action' | 'detail'>): { title: string; detail: string } {
  const title = t(`timeline.${entry.action}`, { defaultValue: entry.action })
  if (entry.action === 'followUp.recorded') {
    const f = followUpScore(entry.detail)
    if (f)
      return {
        title: t('detail.followUpLine', { level: t(`wf.satisfactionLevels.${f.score}`), score: f.score }),
        detail: f.rest ? t('detail.earlyReasonLine', { reason: f.rest }) : '',
      }
  }
  let detail = entry.detail ?? ''
  for (const [key, mark] of Object.entries(TIMELINE_MARKS)) detail = detail.split(mark).join(t(`timeline.marks.${key}`))
  return { title, detail }
}

/** A span of time in words, to the minute ("2 天 3 小时", "3 小时 12 分", "12 分 05 秒" under an hour). */
export function durationText(t: T, ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000)
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  if (days > 0) return t('detail.duration.days', { days, hours })
  if (hours > 0) return t('detail.duration.hours', { hours, minutes })
  return t('detail.duration.minutes', { minutes, seconds })
}
