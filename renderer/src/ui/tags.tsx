// A case's class and status as coloured tags: one colour per class and per status, wherever a
// case is shown (list, handover, case header), so a clerk learns them once.
import { Tag, type TagProps } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CaseStatus } from '@shared/values/options'

export const CLASS_COLOR = { 1: 'blue', 2: 'orange' } as const

export const STATUS_COLOR: Record<CaseStatus, string> = {
  received: 'blue',
  in_progress: 'geekblue',
  resolved: 'cyan',
  reported: 'purple',
  followed_up: 'green',
  closed: 'default',
  voided: 'default',
}

export function ClassTag({ caseClass, ...rest }: { caseClass: 1 | 2 } & TagProps) {
  const { t } = useTranslation()
  return (
    <Tag color={CLASS_COLOR[caseClass]} {...rest}>
      {t(`options.caseClass.${caseClass}`)}
    </Tag>
  )
}

export function StatusTag({ status, ...rest }: { status: CaseStatus } & TagProps) {
  const { t } = useTranslation()
  return (
    <Tag color={STATUS_COLOR[status]} {...rest}>
      {t(`options.status.${status}`)}
    </Tag>
  )
}

/**
 * The classes of antd's filled Tag in `color`, for markup drawn without the component: the case
 * list draws its tags by the hundred while it scrolls, and the component's hooks (theme tokens,
 * the preset colours' styles) were a fifth of each scrolled frame. The static stylesheet styles both.
 */
export function tagClassName(color: string | null, extra = ''): string {
  return ['ant-tag ant-tag-filled', color && `ant-tag-${color}`, extra, 'cd-theme'].filter(Boolean).join(' ')
}
