import type { ReactElement } from 'react'
import { render } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { vi, type Mock } from 'vitest'
import { CHANNEL_NAMES, type Api, type Channel, type OutputOf } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import { createI18n } from '@shared/i18n'
import { ConfigProvider } from 'antd'
import { ApiContext } from '../../renderer/src/apiContext'
import { AntdProvider } from '../../renderer/src/ui/AntdProvider'

/** window.api with every channel a mock typed from the contract: its payload in, its answer out. */
export type FakeApi = { [C in Channel]: Mock<Api[C]> }

/** What a test makes a channel answer: the contract's output for that channel, or a refusal. */
export type Answers = { [C in Channel]?: Result<OutputOf<C>> }

const NOT_FOUND: Result<never> = { ok: false, error: { code: 'NOT_FOUND', message: '找不到该记录。' } }

/** Every channel answers NOT_FOUND unless the test says otherwise. */
export function fakeApi(answers: Answers = {}): FakeApi {
  // Typed once, here: TypeScript cannot follow a mapped type built key by key; `answers` is typed per channel.
  const mocks = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, vi.fn(async () => answers[c] ?? NOT_FOUND)]))
  return mocks as unknown as FakeApi
}

export function renderWithApi(ui: ReactElement, api: FakeApi, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <AntdProvider>
        {/* No animations: an error or a dialog is there at once, as a test expects. */}
        <ConfigProvider theme={{ token: { motion: false } }}>
          <ApiContext.Provider value={api}>{ui}</ApiContext.Provider>
        </ConfigProvider>
      </AntdProvider>
    </I18nextProvider>,
  )
}
