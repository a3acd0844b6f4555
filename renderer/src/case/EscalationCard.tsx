import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import { Button, Modal, Steps, Tag } from 'antd'
import { escalationCall, escalationState, urgentReasons } from '@shared/rules/workspace'
import { evidenceText } from '@shared/i18n/reasons'
import { formatDateTime } from '../format'
import { caseActions, type CasePanelProps } from './caseActions'
import { NotifyForm } from './actionForms'
import { TakeOverForm } from './approvalForms'

const PRINCIPLES = ['first', 'voice', 'command'] as const
const STATES = ['pending', 'notified', 'taken_over'] as const

/**
 * The escalation card of docs/domain.md §5 for an urgent case: 待上报 → 已通知 → 已接手, every
 * urgent reason (ticked or found in the text), the manager contacts and the crisis principles,
 * who was told, and the two records (紧急上报, 主管接手). It shouts (role alert, 请立即上报主管)
 * only at a clerk before anyone was told — never at a manager, never once someone was told.
 */
export function EscalationCard(props: CasePanelProps) {
  const { c, settings, viewer } = props
  const { t } = useTranslation()
  const call = escalationCall(c, viewer)
  const [takingOver, setTakingOver] = useState(false)
  if (!call) return null
  const state = escalationState(c)
  const actions = caseActions(c, viewer)
  const notified = c.workflow.escalation?.notified ?? []
  const takenOver = c.workflow.escalation?.takenOverBy
  const reasons = urgentReasons(c, settings.keywords)
  const title = t(`wf.escalationCall.${call}`, { name: takenOver?.by.name ?? '' })
  const compact = call === 'handled' || call === 'finished'
  return (
    <section
      className={`escalation escalation-${call}`}
      role={call === 'report_now' ? 'alert' : 'region'}
      aria-labelledby="escalation-title"
      data-testid="escalation-card"
    >
      <div className="escalation-head">
        <h2 id="escalation-title">{title}</h2>
        <Steps
          size="small"
          className="escalation-steps"
          current={STATES.indexOf(state as (typeof STATES)[number])}
          items={STATES.map((s) => ({ key: s, title: t(`wf.escalationStates.${s}`) }))}
        />
      </div>
      <div className="escalation-body">
        <dl className="escalation-facts">
          <div>
            <dt>{t('wf.urgentReasons')}</dt>
            <dd>
              {reasons.length === 0 ? (
                <span className="muted">{t('wf.urgentSinceIntake')}</span>
              ) : (
                <ul aria-label={t('wf.urgentReasons')}>
                  {reasons.map((r) => {
                    const evidence = evidenceText(t, r.evidence)
                    return (
                      <li key={r.rule}>
                        <Tag color="red">{t(`rules.${r.rule}`)}</Tag>
                        {evidence && <span className="muted small">{evidence}</span>}
                      </li>
                    )
                  })}
                </ul>
              )}
            </dd>
          </div>
          {(notified.length > 0 || takenOver) && (
            <div>
              <dt>{t('wf.escalationRecords')}</dt>
              <dd>
                <ul className="escalation-records">
                  {notified.map((n, i) => (
                    <li key={i}>{t('wf.notifiedLine', { who: n.who, at: formatDateTime(n.at), by: n.by.name })}</li>
                  ))}
                  {takenOver && (
                    <li>{t('wf.takenOverLine', { name: takenOver.by.name, at: formatDateTime(takenOver.at) })}</li>
                  )}
                </ul>
              </dd>
            </div>
          )}
          {!compact && (
            <div>
              <dt>{t('wf.contacts')}</dt>
              <dd>
                {settings.managerContacts.length === 0 ? (
                  <span className="muted">{t('wf.noContacts')}</span>
                ) : (
                  <ul className="contacts">
                    {settings.managerContacts.map((m) => (
                      <li key={`${m.name}-${m.phone}`}>
                        <strong>{m.name}</strong> {m.role && <span className="muted">{m.role}</span>}{' '}
                        <span className="mono phone">{m.phone}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          )}
          {!compact && (
            <div>
              <dt>{t('wf.principles')}</dt>
              <dd>
                <ol className="principles">
                  {PRINCIPLES.map((p) => (
                    <li key={p}>
                      <strong>{t(`wf.principle.${p}`)}</strong> {t(`wf.principleText.${p}`)}
                    </li>
                  ))}
                </ol>
              </dd>
            </div>
          )}
        </dl>
        {!compact && (actions.recordEscalation.enabled || actions.takeOver.enabled) && (
          <div className="escalation-actions">
            {actions.recordEscalation.enabled && (
              <NotifyForm
                {...props}
                again={notified.length > 0}
                secondary={notified.length > 0 || call === 'take_over'}
              />
            )}
            {actions.takeOver.enabled &&
              (call === 'take_over' ? (
                <TakeOverForm {...props} />
              ) : (
                <>
                  <Button onClick={() => setTakingOver(true)}>{t('wf.takeOverWithPin')}</Button>
                  <Modal
                    open={takingOver}
                    title={t('wf.takeOver')}
                    onCancel={() => setTakingOver(false)}
                    footer={null}
                    destroyOnHidden
                  >
                    <TakeOverForm {...props} onDone={() => setTakingOver(false)} />
                  </Modal>
                </>
              ))}
          </div>
        )}
      </div>
    </section>
  )
}
