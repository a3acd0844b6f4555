import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Empty, Modal, Tag } from 'antd'
import { ReagreeCommitmentInput, type Commitment } from '@shared/schemas/workflow'
import type { CaseAction } from '@shared/rules/lifecycle'
import { toLocalDateTime } from '@shared/values/localTime'
import { useApi } from '../apiContext'
import { formatDateTime } from '../format'
import { DateTimeField, TextAreaField } from '../ui/fields'
import { caseActions, type CasePanelProps } from './caseActions'
import { ActionButton } from './ActionControl'
import { CaseForm } from './CaseForm'

export function commitmentState(m: Commitment, now: Date, soonHours: number): 'kept' | 'overdue' | 'soon' | 'open' {
  if (m.status === 'kept') return 'kept'
  const due = new Date(m.dueAt).getTime()
  if (due < now.getTime()) return 'overdue'
  return due - now.getTime() <= soonHours * 3600_000 ? 'soon' : 'open'
}

const STATE_COLOR = { kept: 'green', overdue: 'red', soon: 'orange', open: 'blue' } as const

/** Promises to the customer: kept, or re-agreed with a reason (in a dialog), never silently dropped. */
export function CommitmentsPanel({ onOpen, ...props }: CasePanelProps & { onOpen: (a: CaseAction) => void }) {
  const { c, act, settings, viewer } = props
  const { t } = useTranslation()
  const api = useApi()
  const now = new Date()
  const actions = caseActions(c, viewer)
  const [reagreeing, setReagreeing] = useState<Commitment | null>(null)
  return (
    <section className="tab-panel" aria-labelledby="commitments-title">
      <div className="tab-panel-head">
        <h2 id="commitments-title">{t('wf.commitments')}</h2>
        {actions.addCommitment.enabled && (
          <Button type="primary" ghost onClick={() => onOpen('addCommitment')}>
            {t('wf.addCommitment')}
          </Button>
        )}
      </div>
      {c.workflow.commitments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wf.noCommitments')} />
      ) : (
        <ul className="commitments">
          {c.workflow.commitments.map((m) => {
            const state = commitmentState(m, now, settings.deadlines.commitmentDueSoonHours)
            return (
              <li key={m.id} className={`commitment commitment-${state}`}>
                <div>
                  <strong>{m.what}</strong> <Tag color={STATE_COLOR[state]}>{t(`wf.commitmentState.${state}`)}</Tag>
                </div>
                <div className="muted small">
                  {t('wf.commitmentLine', { owner: m.owner, due: formatDateTime(m.dueAt) })}
                </div>
                {m.reagreed.map((r, i) => (
                  <div key={i} className="muted small">
                    {t('wf.reagreedLine', {
                      from: formatDateTime(r.fromDueAt),
                      to: formatDateTime(r.toDueAt),
                      reason: r.reason,
                      by: r.by.name,
                    })}
                  </div>
                ))}
                {m.status === 'open' && (actions.keepCommitment.enabled || actions.reagreeCommitment.enabled) && (
                  <div className="row-actions">
                    <ActionButton
                      id={`keep-${m.id}`}
                      label={t('wf.keep')}
                      state={actions.keepCommitment}
                      act={act}
                      success={t('detail.done.keepCommitment', { what: m.what })}
                      call={() => api['commitments:keep']({ id: c.id, commitmentId: m.id })}
                    />
                    {actions.reagreeCommitment.enabled && (
                      <Button onClick={() => setReagreeing(m)}>{t('wf.reagree')}</Button>
                    )}
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <Modal
        open={reagreeing !== null}
        title={reagreeing ? `${t('wf.reagree')}${t('corrections.colon')}${reagreeing.what}` : ''}
        onCancel={() => setReagreeing(null)}
        footer={null}
        destroyOnHidden
      >
        {reagreeing && (
          <CaseForm
            id={`reagree-${reagreeing.id}`}
            title={t('wf.reagree')}
            schema={ReagreeCommitmentInput.omit({ id: true, commitmentId: true })}
            defaults={{ dueAt: toLocalDateTime(new Date(reagreeing.dueAt)), reason: '' }}
            submitLabel={t('wf.reagree')}
            onSubmit={(v) => act(api['commitments:reagree']({ id: c.id, commitmentId: reagreeing.id, ...v }))}
            success={(v) =>
              t('detail.done.reagreeCommitment', { due: formatDateTime(new Date(v.dueAt).toISOString()) })
            }
            onDone={() => setReagreeing(null)}
            onCancel={() => setReagreeing(null)}
          >
            {(control) => (
              <>
                <DateTimeField control={control} name="dueAt" id="reagree-due" label={t('wf.newDue')} required />
                <TextAreaField control={control} name="reason" id="reagree-reason" label={t('wf.reason')} required />
              </>
            )}
          </CaseForm>
        )}
      </Modal>
    </section>
  )
}
