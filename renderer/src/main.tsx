import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { createI18n } from '@shared/i18n'
import { App } from './App'
import { resolveApi } from './api'
import { ApiContext } from './apiContext'
import './styles.css'

const i18n = createI18n('zh-CN')
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiContext.Provider value={resolveApi()}>
        <App />
      </ApiContext.Provider>
    </I18nextProvider>
  </StrictMode>,
)
