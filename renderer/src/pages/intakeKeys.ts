// The intake form's keyboard (issue 14): Enter moves to the next field (never saves a half-empty
// form; in a text area it stays a new line), Ctrl+Enter saves, and a refusal brings the clerk to
// the first field it names. Plain DOM, so jsdom tests drive it as Chromium does.

const CONTROLS = 'input, textarea, select, [role="combobox"]'

/** A radio group counts once: the control Enter or a refusal lands on is its checked radio, else its first. */
function groupOf(el: Element): Element | null {
  return el.closest('[role="radiogroup"], .ant-radio-group')
}

/** The form's fields in the order they are shown: what Enter walks through. */
export function fieldsIn(form: HTMLElement): HTMLElement[] {
  const seen = new Set<Element>()
  const fields: HTMLElement[] = []
  for (const el of Array.from(form.querySelectorAll<HTMLElement>(CONTROLS))) {
    if (el instanceof HTMLInputElement && (el.type === 'hidden' || el.type === 'submit' || el.type === 'button'))
      continue
    if ((el as HTMLInputElement).disabled || el.closest('[data-enter-skip], [hidden], [aria-hidden="true"]')) continue
    // An antd select's search box sits inside its combobox: one field, not two.
    if (el.getAttribute('role') !== 'combobox' && el.parentElement?.closest('[role="combobox"]')) continue
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      const group = groupOf(el)
      if (group) {
        if (seen.has(group)) continue
        seen.add(group)
        const radios = Array.from(group.querySelectorAll<HTMLInputElement>('input[type="radio"]'))
        fields.push(radios.find((r) => r.checked) ?? radios[0] ?? el)
        continue
      }
    }
    fields.push(el)
  }
  return fields
}

/** The field Enter goes to from `from`; past the last one, the form's save button. */
export function nextField(form: HTMLElement, from: HTMLElement): HTMLElement | null {
  const fields = fieldsIn(form)
  const group = from instanceof HTMLInputElement && from.type === 'radio' ? groupOf(from) : null
  const at = fields.findIndex((f) => f === from || (group !== null && groupOf(f) === group))
  if (at >= 0 && at + 1 < fields.length) return fields[at + 1]
  return form.querySelector<HTMLElement>('button[type="submit"]')
}

/** Whether Enter in `el` belongs to the control itself (a new line, a button, an open list or picker). */
export function enterStaysIn(el: HTMLElement): boolean {
  if (el instanceof HTMLTextAreaElement) return true
  if (el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement) return true
  return false
}

/** A select whose list is open takes Enter to pick an option; the form moves on after it. */
export function pickingFromList(el: HTMLElement): boolean {
  const box = el.getAttribute('role') === 'combobox' ? el : el.closest('[role="combobox"]')
  return box?.getAttribute('aria-expanded') === 'true'
}

/**
 * Brings the clerk to the first field, in the order shown, of those named (the schema's or
 * main's issue paths): scrolled into view and focused. A radio group gets its checked or first radio.
 */
export function focusFirst(form: HTMLElement, names: readonly string[]): HTMLElement | null {
  const targets = names
    .map((name) => form.querySelector<HTMLElement>(`[id="${CSS.escape(name)}"]`))
    .filter((el): el is HTMLElement => el !== null)
  if (targets.length === 0) return null
  targets.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
  const first = targets[0]
  const focusable = first.matches(CONTROLS)
    ? first
    : (first.querySelector<HTMLInputElement>('input[type="radio"]:checked') ??
      first.querySelector<HTMLElement>(CONTROLS) ??
      first)
  focusable.scrollIntoView?.({ block: 'center' })
  focusable.focus()
  return focusable
}
