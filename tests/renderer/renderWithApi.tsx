import type { ReactElement } from 'react'
import { render } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { vi } from 'vitest'
import { CHANNEL_NAMES, type Api } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import { createI18n } from '@shared/i18n'
import { ApiContext } from '../../renderer/src/apiContext'

export type FakeApi = { [K in keyof Api]: ReturnType<typeof vi.fn> }

/** Every channel answers NOT_FOUND unless the test says otherwise. */
export function fakeApi(answers: Partial<Record<keyof Api, Result<unknown>>> = {}): FakeApi {
  return Object.fromEntries(
    CHANNEL_NAMES.map((c) => [
      c,
      vi.fn(async () => answers[c] ?? { ok: false, error: { code: 'NOT_FOUND', message: '找不到该记录。' } }),
    ]),
  ) as FakeApi
}

export function renderWithApi(ui: ReactElement, api: FakeApi, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <ApiContext.Provider value={api as unknown as Api}>{ui}</ApiContext.Provider>
    </I18nextProvider>,
  )
}
