// Validation messages are i18n keys, optionally with one numeric parameter
// ("validation.tooLong:50"), so the same zod schema yields zh-CN or English text in
// the form (react-hook-form) and in main's error replies alike.
export const v = {
  required: 'validation.required',
  invalid: 'validation.invalid',
  phone: 'validation.phone',
  servicePhone: 'validation.servicePhone',
  contactsRequired: 'validation.contactsRequired',
  duplicateName: 'validation.duplicateName',
  departmentsRequired: 'validation.departmentsRequired',
  amount: 'validation.amount',
  /** A typed amount (values/money readAmount): not a number, negative, a third decimal, too large. */
  amountText: 'validation.amountText',
  amountNegative: 'validation.amountNegative',
  amountDecimals: 'validation.amountDecimals',
  amountTooLarge: 'validation.amountTooLarge',
  pin: 'validation.pin',
  pinMismatch: 'validation.pinMismatch',
  branchCode: 'validation.branchCode',
  dateTime: 'validation.dateTime',
  future: 'validation.future',
  notFuture: 'validation.notFuture',
  chooseOwner: 'validation.chooseOwner',
  choose: 'validation.choose',
  rangeTooLong: 'validation.rangeTooLong',
  nothingToChange: 'validation.nothingToChange',
  tooLarge: 'validation.tooLarge',
  template: 'validation.template',
  callbackAfterFirstResponse: 'validation.callbackAfterFirstResponse',
  /** A head office link turned on, with no password given or stored (rules/headOfficeLink). */
  linkPassword: 'validation.linkPassword',
  tooLong: (max: number) => `validation.tooLong:${max}`,
} as const

export function splitMessage(message: string): { key: string; n?: number } {
  const m = /^(validation\.[A-Za-z]+)(?::(\d+))?$/.exec(message)
  if (!m) return { key: v.invalid }
  return m[2] === undefined ? { key: m[1] } : { key: m[1], n: Number(m[2]) }
}
