import { ClassTag } from '../ui/tags'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Steps, Tag, Tooltip } from 'antd'
import type { CaseDetail } from '@shared/schemas/case'
import type { WorkflowSettings } from '@shared/schemas/settings'
import { maskPhone } from '@shared/values/phone'
import { nextDeadline } from '@shared/rules/deadlines'
import { loopProgress } from '@shared/rules/workspace'
import { durationText } from '@shared/i18n/timeline'
import { useNow } from '../hooks/useNow'
import { formatDateTime } from '../format'

/** Class 2 stands out (orange); Class 1 is the everyday blue. */

/**
 * The case's sticky header: number, class and urgent tags, where the loop stands (Steps),
 * who the customer is (phone masked), the complaint in one line, the owner, and the next
 * deadline counting down live. `actions` are the page's own buttons (print, back).
 */
export function CaseHeader({
  c,
  settings,
  owner,
  actions,
}: {
  c: CaseDetail
  settings: WorkflowSettings
  owner: ReactNode
  actions: ReactNode
}) {
  const { t } = useTranslation()
  const progress = loopProgress(c)
  return (
    <header className="case-header">
      <div className="case-header-top">
        <h1 id="detail-title">
          {t('detail.title')} <span className="mono title-number">{c.number}</span>
        </h1>
        <div className="case-tags">
          <ClassTag caseClass={c.caseClass} data-testid="case-class" />
          {c.workflow.urgent && (
            <Tag color="red" data-testid="case-urgent">
              {t('list.urgent')}
            </Tag>
          )}
          <Tag color={progress.voided ? 'default' : 'processing'} data-testid="case-status">
            {t(`options.status.${c.status}`)}
          </Tag>
        </div>
        <div className="case-header-actions">{actions}</div>
      </div>
      <div role="group" aria-label={t('wf.loopTitle')} className="case-steps">
        <Steps
          size="small"
          current={progress.current}
          items={progress.steps.map((s) => ({
            key: s.step,
            status: s.state,
            title: s.state === 'error' ? t('options.status.voided') : t(`detail.steps.${s.step}`),
            content: s.at ? <span className="step-time">{formatDateTime(s.at)}</span> : undefined,
          }))}
        />
      </div>
      <div className="case-header-line">
        <span className="case-customer">
          <strong>{c.customerName}</strong>
          {c.phone && <span className="mono"> {maskPhone(c.phone)}</span>}
        </span>
        <Tooltip title={c.description} placement="bottom">
          <span className="case-oneline" data-testid="case-oneline">
            {c.description}
          </span>
        </Tooltip>
        <span className="case-owner">
          {t('owner.owner')}
          {t('corrections.colon')}
          {owner}
        </span>
        <Countdown c={c} settings={settings} />
      </div>
    </header>
  )
}

/** The next deadline (rules/deadlines: nextDeadline), redrawn every second: left, or overdue by. */
function Countdown({ c, settings }: { c: CaseDetail; settings: WorkflowSettings }) {
  const { t } = useTranslation()
  const now = useNow(1000)
  const next = nextDeadline(c, settings, now)
  if (!next) return null
  const what = t(`detail.deadline.${next.kind}`, { what: next.what ?? '' })
  const time = durationText(t, Date.parse(next.at) - now.getTime())
  return (
    <span className={next.overdue ? 'case-deadline overdue' : 'case-deadline'} data-testid="case-deadline">
      <Tooltip title={t('detail.deadline.due', { at: formatDateTime(next.at) })}>
        <span>
          {what}
          {t('corrections.colon')}
          {next.overdue ? t('detail.deadline.overdueBy', { time }) : t('detail.deadline.left', { time })}
        </span>
      </Tooltip>
    </span>
  )
}

/** The page's back button (kept with the print button at the header's end). */
export function BackButton({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation()
  return <Button onClick={onBack}>{t('actions.back')}</Button>
}
