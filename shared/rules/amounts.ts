import type { Category } from '../values/options'
import type { LossSource } from '../values/money'

/**
 * A case's three amounts (docs/domain.md §3a): 商品/服务金额 (what was paid), 损失金额 (the
 * customer's actual loss) and 索赔金额 (the claim). `lossFen` is null when the clerk left it
 * blank, and `undefined` on cases logged before it existed: their one amount (涉及金额) was
 * the amount paid, so they read as a blank loss.
 */
export interface CaseAmounts {
  category: Category
  amountFen: number | null
  lossFen?: number | null
  claimFen: number | null
}

export type { LossSource } from '../values/money'

/** Categories where an item is faulty or harmful, so its price is lost when nothing else is typed. */
const LOSS_IS_PRICE: readonly Category[] = ['product_quality', 'after_sales', 'safety_health']
/** Categories where the customer's own figure is the best first estimate (to be verified). */
const LOSS_IS_CLAIMED: readonly Category[] = ['cashier_error', 'safety_health']

/** The customer's loss as the chooser and the classification count it, and where it came from. Pure. */
export function effectiveLoss(a: CaseAmounts): { fen: number; source: LossSource } {
  const price = Math.max(0, a.amountFen ?? 0)
  if (a.lossFen !== null && a.lossFen !== undefined) return { fen: Math.max(0, a.lossFen), source: 'entered' }
  const claim = Math.max(0, a.claimFen ?? 0)
  if (LOSS_IS_CLAIMED.includes(a.category) && claim > price) return { fen: claim, source: 'claim' }
  if (LOSS_IS_PRICE.includes(a.category) && price > 0) return { fen: price, source: 'price' }
  return { fen: 0, source: 'none' }
}

/** The largest sum at stake, for the "large financial loss" alarm: the price, the loss or the claim's base. */
export function amountAtStake(a: CaseAmounts): number {
  return Math.max(Math.max(0, a.amountFen ?? 0), effectiveLoss(a).fen)
}

/** What the customer asks beyond the loss: goodwill sought (0 without a claim). */
export function goodwillSought(a: CaseAmounts): number {
  if (a.claimFen === null) return 0
  return Math.max(0, a.claimFen - effectiveLoss(a).fen)
}
