import '@testing-library/jest-dom/vitest'
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'

afterEach(cleanup)

// jsdom lays nothing out: the list's scroll box reports a screenful, so its virtualised rows render.
for (const prop of ['clientHeight', 'clientWidth'] as const) {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, prop)
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('case-scroll')
        ? prop === 'clientHeight'
          ? 640
          : 1200
        : (original?.get?.call(this) ?? 0)
    },
  })
}
// …and a table row is as tall as one line of the list.
Object.defineProperty(HTMLTableRowElement.prototype, 'offsetHeight', { configurable: true, get: () => 42 })

// Ant Design asks for media queries and observes sizes; jsdom has neither.
Object.defineProperty(window, 'matchMedia', {
  configurable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
})
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver
