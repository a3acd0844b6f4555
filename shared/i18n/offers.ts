import type { OfferItem } from '../schemas/compensation'
import { formatFen } from '../values/money'
import { OFFER_NOTE_CODES } from '../values/options'

/** A translate function (i18next's, or the PDF builders'). */
type T = (key: string, options?: Record<string, unknown>) => string

/** Notes the chooser writes as codes are shown in the reader's language; typed notes show as typed. */
const NOTE_CODES: ReadonlySet<string> = new Set(OFFER_NOTE_CODES)

/** One offer item as the customer hears it: "道歉与解释（说明改进措施）", "优惠券 ¥20.00". */
export function offerItemText(t: T, item: OfferItem): string {
  const note =
    item.note === ''
      ? ''
      : NOTE_CODES.has(item.note)
        ? t(`comp.notes.${item.note}`)
        : item.form === 'points'
          ? t('comp.points', { points: item.note })
          : item.note
  return `${t(`comp.forms.${item.form}`)}${note ? `（${note}）` : ''}${item.valueFen > 0 ? ` ¥${formatFen(item.valueFen)}` : ''}`
}

/** A package of items joined for a card, a timeline line or a report row. */
export const offerText = (t: T, items: readonly OfferItem[]): string =>
  items.map((i) => offerItemText(t, i)).join(' + ')
