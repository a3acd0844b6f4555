import { useTranslation } from 'react-i18next'
import { LowerClassInput, RaiseClassInput } from '@shared/schemas/workflow'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { ReasonList } from './ReasonList'
import { caseActions, type CasePanelProps } from './caseActions'

/** The class in force, why, and raising (staff) or lowering (manager PIN + reason), as the lifecycle allows. */
export function ClassPanel({ c, act, managers, defaultApprover, viewer }: CasePanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const change = c.workflow.classChange
  const actions = caseActions(c, viewer)
  return (
    <section className="card" aria-labelledby="class-title">
      <h2 id="class-title">
        {t('wf.classTitle')}{' '}
        <span className={`badge class-${c.caseClass}`}>{t(`options.caseClass.${c.caseClass}`)}</span>
        {c.workflow.urgent && <span className="badge badge-urgent">{t('list.urgent')}</span>}
      </h2>
      <p className="muted">{t(`wf.class${c.caseClass}Track`)}</p>
      <h3>{t('wf.reasons', { proposed: t(`options.caseClass.${c.workflow.proposedClass}`) })}</h3>
      <ReasonList reasons={c.workflow.reasons} />
      {change && (
        <p className="note">
          {t(change.to === 2 ? 'wf.raisedBy' : 'wf.loweredBy', {
            name: change.by.name,
            approver: change.approvedBy?.name ?? '',
            reason: change.reason,
          })}
        </p>
      )}
      {actions.raiseClass.enabled && (
        <details>
          <summary>{t('wf.raise')}</summary>
          <MiniForm
            id="raise"
            title={t('wf.raise')}
            schema={RaiseClassInput.omit({ id: true })}
            defaults={{ reason: '' }}
            fields={[{ name: 'reason', label: t('wf.reason'), kind: 'textarea' }]}
            submitLabel={t('wf.raise')}
            onSubmit={(v) => act(api['cases:raiseClass']({ id: c.id, ...v }))}
          />
        </details>
      )}
      {actions.lowerClass.enabled && (
        <details>
          <summary>{t('wf.lower')}</summary>
          <MiniForm
            id="lower"
            title={t('wf.lower')}
            schema={LowerClassInput.omit({ id: true })}
            defaults={{ reason: '' } as never}
            fields={[{ name: 'reason', label: t('wf.reason'), kind: 'textarea' }]}
            submitLabel={t('wf.lower')}
            managers={managers}
            defaultApprover={defaultApprover}
            onSubmit={(v) => act(api['cases:lowerClass']({ id: c.id, ...v }))}
          />
        </details>
      )}
    </section>
  )
}
