// Mainland China phone numbers: mobiles (1[3-9] + 9 digits) and landlines with an
// area code (0 + 2–3 digits, then 7–8 digits), optionally with an extension.
const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/

/** Strips spaces and the +86 / 0086 prefix that customers often dictate. */
export function normalizePhone(raw: string): string {
  const compact = raw.replace(/[\s()]/g, '')
  return compact.replace(/^(\+86|0086)-?/, '')
}

export function isValidPhone(raw: string): boolean {
  const phone = normalizePhone(raw)
  return MOBILE.test(phone) || LANDLINE.test(phone)
}

// Hotlines a branch prints for its customers: 400/800 numbers (10 digits, e.g. 400-820-1234)
// and the short service numbers of banks and chains (95588, 95105188, 96xxx).
const HOTLINE = /^[48]00-?\d{3}-?\d{4}$/
const SHORT_SERVICE = /^9[56]\d{3,6}$/

/** The branch's service phone (服务电话): a phone as above, a 400/800 hotline or a 95/96 service number. */
export function isServicePhone(raw: string): boolean {
  const phone = normalizePhone(raw)
  return isValidPhone(phone) || HOTLINE.test(phone) || SHORT_SERVICE.test(phone)
}

/** 13812341234 → 138****1234; landlines keep area code and last 4 digits. */
export function maskPhone(raw: string): string {
  const phone = normalizePhone(raw)
  if (phone === '') return ''
  if (MOBILE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`
  const digits = phone.replace(/\D/g, '')
  if (digits.length <= 4) return '****'
  const area = phone.includes('-') ? phone.split('-')[0] : digits.slice(0, 3)
  return `${area}-****${digits.slice(-4)}`
}

export function phoneDigits(raw: string): string {
  return normalizePhone(raw).replace(/\D/g, '')
}
