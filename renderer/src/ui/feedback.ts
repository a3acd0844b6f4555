import type { ReactNode } from 'react'
import { App } from 'antd'
import { useTranslation } from 'react-i18next'

export interface DangerQuestion {
  title: ReactNode
  content?: ReactNode
  okText: string
}

/** Toasts for what just happened, and the red question a destructive action asks first. */
export function useFeedback() {
  const { message, modal } = App.useApp()
  const { t } = useTranslation()
  return {
    success: (text: ReactNode) => void message.success(text),
    failure: (text: ReactNode) => void message.error(text),
    confirmDanger: (q: DangerQuestion): Promise<boolean> =>
      new Promise((resolve) => {
        modal.confirm({
          title: q.title,
          content: q.content,
          okText: q.okText,
          okButtonProps: { danger: true },
          cancelText: t('actions.cancel'),
          autoFocusButton: 'cancel',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        })
      }),
  }
}
