import { useTranslation } from 'react-i18next'
import { Card } from 'antd'
import { nextAction } from '@shared/rules/workspace'
import { useApi } from '../apiContext'
import { formatDateTime } from '../format'
import { ActionButton } from './ActionControl'
import { caseActions, type CasePanelProps } from './caseActions'
import { ActionBody } from './ActionsCard'

/**
 * The one action the case needs now (rules/workspace: nextAction), ready to take: its form
 * or its button right here. On a closed or voided case it says there is nothing left to do.
 */
export function NextActionCard(props: CasePanelProps) {
  const { c, viewer, act } = props
  const { t } = useTranslation()
  const api = useApi()
  const next = nextAction(c, viewer)
  const actions = caseActions(c, viewer)
  return (
    <section aria-labelledby="next-title" className="next-action">
      <Card
        size="small"
        title={
          <h2 id="next-title">
            {t('detail.nextTitle')}
            {next && (
              <span className="next-action-name">
                {t('corrections.colon')}
                {t(`detail.actions.${next}`)}
              </span>
            )}
          </h2>
        }
      >
        {next === null ? (
          <p className="muted">
            {t(actions.reopen.enabled ? 'detail.nothingNext.closed' : 'detail.nothingNext.voided')}
          </p>
        ) : next === 'recordEscalation' || next === 'takeOver' ? (
          <p className="next-escalation">{t(`detail.escalationFirst.${next}`)}</p>
        ) : next === 'keepCommitment' ? (
          <ul className="next-commitments">
            {c.workflow.commitments
              .filter((m) => m.status === 'open')
              .map((m) => (
                <li key={m.id}>
                  <span>
                    <strong>{m.what}</strong>{' '}
                    <span className="muted small">
                      {t('wf.commitmentLine', { owner: m.owner, due: formatDateTime(m.dueAt) })}
                    </span>
                  </span>
                  <ActionButton
                    id={`next-keep-${m.id}`}
                    label={t('wf.keep')}
                    state={actions.keepCommitment}
                    act={act}
                    primary
                    success={t('detail.done.keepCommitment', { what: m.what })}
                    call={() => api['commitments:keep']({ id: c.id, commitmentId: m.id })}
                  />
                </li>
              ))}
          </ul>
        ) : (
          <ActionBody {...props} action={next} primary />
        )}
      </Card>
    </section>
  )
}
