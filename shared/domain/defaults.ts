import type { Locale } from '../schemas/staff'

/** Departments a new branch starts with; a manager adds the branch's own under Settings. */
export const DEFAULT_DEPARTMENTS: Record<Locale, string[]> = {
  'zh-CN': ['前台/服务台', '收银', '售后服务', '商品部'],
  en: ['Front desk', 'Checkout', 'After-sales', 'Merchandise'],
}
