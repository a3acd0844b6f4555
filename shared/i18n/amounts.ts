import { formatFen, type LossSource } from '../values/money'

/** A translate function (i18next's, or the PDF builders'). */
type T = (key: string, options?: Record<string, unknown>) => string

/**
 * 损失金额 in words, from rules/amounts effectiveLoss: the amount typed in, or — left blank —
 * what the rules count instead and why ("按商品金额 ¥299.00 计"), so clerk, manager and report
 * read the same figure.
 */
export function lossText(t: T, loss: { fen: number; source: LossSource }): string {
  const amount = formatFen(loss.fen)
  return loss.source === 'entered' ? `¥${amount}` : t(`amounts.lossFrom.${loss.source}`, { amount })
}
