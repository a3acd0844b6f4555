import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { createI18n } from '@shared/i18n'
import { App } from './App'
import { resolveApi } from './api'
import { ApiContext } from './apiContext'
import { AntdProvider } from './ui/AntdProvider'
import 'virtual:antd.css'
import './ui/fonts.css'
import './ui/contrast.css'
import './styles.css'

const i18n = createI18n('zh-CN')
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiContext.Provider value={resolveApi()}>
        <AntdProvider>
          <App />
        </AntdProvider>
      </ApiContext.Provider>
    </I18nextProvider>
  </StrictMode>,
)
