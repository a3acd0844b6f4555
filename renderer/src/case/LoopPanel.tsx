import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FollowUpInput, OralReportInput, ReviewInput, SubmitWrittenReportInput } from '@shared/schemas/workflow'
import { requiredText } from '@shared/schemas/common'
import { ManagerApproval } from '@shared/schemas/common'
import { toLocalDateTime } from '@shared/values/localTime'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { FieldRows } from '../components/FieldRows'
import { PdfButton } from './PdfButton'
import { useButtonAction } from './useButtonAction'
import { Notice } from '../components/Notice'
import { formatDateTime } from '../format'
import type { CasePanelProps } from './caseActions'

const Reason = z.object({ reason: requiredText(200) })
const Resolution = z.object({ resolution: requiredText(500) })
const Void = z.object({ reason: requiredText(200), approval: ManagerApproval })
// Radio buttons give strings; the rating is a number 1–5 in the channel schema.
const FollowUpForm = FollowUpInput.omit({ id: true }).extend({
  satisfaction: z.coerce
    .number({ message: 'validation.choose' })
    .int()
    .min(1, { message: 'validation.choose' })
    .max(5, { message: 'validation.choose' }),
})

/** The closed loop (docs/domain.md §8): the next step for the case's status, and its records. */
export function LoopPanel({ c, act, managers, defaultApprover }: CasePanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const w = c.workflow
  const now = toLocalDateTime(new Date())
  const transition = (input: Parameters<(typeof api)['cases:transition']>[0]) => act(api['cases:transition'](input))
  const button = useButtonAction(act)
  const needsReview = (c.caseClass === 2 || w.reviewRequested) && !w.review
  const canReopen = ['resolved', 'reported', 'followed_up', 'closed'].includes(c.status)
  const d = c.flags.deadlines

  return (
    <section className="card" aria-labelledby="loop-title">
      <h2 id="loop-title">
        {t('wf.loopTitle')} <span className={`badge status-${c.status}`}>{t(`options.status.${c.status}`)}</span>
        {c.flags.overdue
          .filter((o) => o !== 'commitment')
          .map((o) => (
            <span key={o} className="badge badge-overdue">
              {t(`wf.overdue.${o}`)}
            </span>
          ))}
      </h2>
      {c.status !== 'voided' && c.status !== 'closed' && (
        <p className="muted small">
          {[
            !w.resolvedAt && t('wf.resolveBy', { at: formatDateTime(d.resolveBy!) }),
            d.firstResponseBy && !w.resolvedAt && t('wf.firstResponseBy', { at: formatDateTime(d.firstResponseBy) }),
            d.reportBy && c.status === 'resolved' && t('wf.reportBy', { at: formatDateTime(d.reportBy) }),
            d.followUpBy &&
              !w.followUp &&
              t('wf.followUpBy', { from: formatDateTime(d.followUpFrom!), to: formatDateTime(d.followUpBy) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      <Records c={c} />
      {button.error && <Notice kind="error">{button.error}</Notice>}

      {c.status === 'received' && (
        <button type="button" onClick={() => button.run(api['cases:transition']({ id: c.id, action: 'start' }))}>
          {t('wf.start')}
        </button>
      )}
      {(c.status === 'received' || c.status === 'in_progress') && (
        <MiniForm
          id="resolve"
          title={t('wf.resolve')}
          schema={Resolution}
          defaults={{ resolution: '' }}
          fields={[{ name: 'resolution', label: t('wf.resolution'), kind: 'textarea', hint: t('wf.resolutionHint') }]}
          submitLabel={t('wf.resolve')}
          onSubmit={(v) => transition({ id: c.id, action: 'resolve', ...v })}
        />
      )}
      {c.status === 'resolved' && c.caseClass === 1 && (
        <MiniForm
          id="oral"
          title={t('wf.oralReport')}
          schema={OralReportInput.omit({ id: true })}
          defaults={{ to: '', at: now, summary: '' }}
          fields={[
            { name: 'to', label: t('wf.reportedTo') },
            { name: 'at', label: t('wf.reportedAt'), kind: 'datetime' },
            { name: 'summary', label: t('wf.summary') },
          ]}
          submitLabel={t('wf.oralReport')}
          onSubmit={(v) => act(api['cases:recordOralReport']({ id: c.id, ...v }))}
        />
      )}
      {c.status === 'resolved' &&
        c.caseClass === 2 &&
        (w.writtenReport ? (
          <MiniForm
            id="written"
            title={t('wf.submitWritten')}
            schema={SubmitWrittenReportInput.omit({ id: true })}
            defaults={{ submittedTo: '', at: now }}
            fields={[
              { name: 'submittedTo', label: t('wf.submittedTo') },
              { name: 'at', label: t('wf.submittedAt'), kind: 'datetime' },
            ]}
            submitLabel={t('wf.submitWritten')}
            onSubmit={(v) => act(api['cases:submitWrittenReport']({ id: c.id, ...v }))}
          />
        ) : (
          <p className="notice notice-warning" role="status">
            {t('wf.writtenPending')}
          </p>
        ))}
      {c.caseClass === 2 && c.status !== 'voided' && c.status !== 'received' && (
        <PdfButton
          label={t(w.writtenReport ? 'pdf.class2.regenerate' : 'pdf.class2.generate')}
          primary={!w.writtenReport && c.status === 'resolved'}
          make={() => api['reports:writtenReport']({ id: c.id })}
          onMade={(file) => act(Promise.resolve({ ok: true as const, data: file.case }))}
        />
      )}
      {c.status === 'reported' && (
        <MiniForm
          id="followup"
          title={t('wf.followUp')}
          schema={FollowUpForm}
          defaults={{ method: 'phone', satisfaction: '', remarks: '' }}
          fields={[
            {
              name: 'method',
              label: t('wf.method'),
              kind: 'select',
              options: (['phone', 'visit', 'message', 'other'] as const).map((m) => ({
                value: m,
                label: t(`wf.methods.${m}`),
              })),
            },
            {
              name: 'satisfaction',
              label: t('wf.satisfaction'),
              kind: 'rating',
              options: [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`wf.satisfactionLevels.${n}`) })),
            },
            { name: 'remarks', label: t('wf.remarks'), kind: 'textarea', optional: true },
          ]}
          submitLabel={t('wf.followUp')}
          onSubmit={(v) => act(api['cases:recordFollowUp']({ id: c.id, ...v }))}
        />
      )}
      {needsReview && c.status !== 'voided' && c.status !== 'received' && (
        <MiniForm
          id="review"
          title={t('wf.review')}
          schema={ReviewInput.omit({ id: true })}
          defaults={{ wentWell: '', improve: '', rootCause: '', preventive: '', owner: '' }}
          fields={(['wentWell', 'improve', 'rootCause', 'preventive', 'owner'] as const).map((f) => ({
            name: f,
            label: t(`wf.reviewFields.${f}`),
            kind: f === 'owner' ? 'text' : 'textarea',
          }))}
          submitLabel={t('wf.review')}
          onSubmit={(v) => act(api['cases:recordReview']({ id: c.id, ...v }))}
        />
      )}
      {c.caseClass === 1 && !w.reviewRequested && !w.review && c.status !== 'voided' && c.status !== 'closed' && (
        <button type="button" onClick={() => button.run(api['cases:requestReview']({ id: c.id }))}>
          {t('wf.requestReview')}
        </button>
      )}
      {c.status === 'followed_up' && (
        <button
          type="button"
          className="primary"
          onClick={() => button.run(api['cases:transition']({ id: c.id, action: 'close' }))}
        >
          {t('wf.close')}
        </button>
      )}
      {canReopen && (
        <details>
          <summary>{t('wf.reopen')}</summary>
          <MiniForm
            id="reopen"
            title={t('wf.reopen')}
            schema={Reason}
            defaults={{ reason: '' }}
            fields={[{ name: 'reason', label: t('wf.reason'), kind: 'textarea' }]}
            submitLabel={t('wf.reopen')}
            onSubmit={(v) => transition({ id: c.id, action: 'reopen', ...v })}
          />
        </details>
      )}
      {c.status !== 'voided' && (
        <details>
          <summary>{t('wf.void')}</summary>
          <MiniForm
            id="void"
            title={t('wf.void')}
            schema={Void}
            defaults={{ reason: '' } as never}
            fields={[{ name: 'reason', label: t('wf.reason'), kind: 'textarea' }]}
            submitLabel={t('wf.void')}
            managers={managers}
            defaultApprover={defaultApprover}
            onSubmit={(v) => transition({ id: c.id, action: 'void', ...v })}
          />
        </details>
      )}
    </section>
  )
}

function Records({ c }: { c: CasePanelProps['c'] }) {
  const { t } = useTranslation()
  const w = c.workflow
  const rows: [string, string][] = []
  if (w.resolvedAt) rows.push([t('wf.resolution'), `${w.resolution}（${formatDateTime(w.resolvedAt)}）`])
  if (w.oralReport)
    rows.push([
      t('wf.oralReport'),
      t('wf.oralLine', { to: w.oralReport.to, at: formatDateTime(w.oralReport.at), summary: w.oralReport.summary }),
    ])
  if (w.writtenReport) {
    rows.push([
      t('wf.writtenReport'),
      w.writtenReport.submittedAt
        ? t('wf.writtenSubmittedLine', {
            to: w.writtenReport.submittedTo,
            at: formatDateTime(w.writtenReport.submittedAt),
          })
        : t('wf.writtenGeneratedLine', { at: formatDateTime(w.writtenReport.generatedAt) }),
    ])
  }
  if (w.followUp)
    rows.push([
      t('wf.followUp'),
      `${t(`wf.methods.${w.followUp.method}`)} · ${t(`wf.satisfactionLevels.${w.followUp.satisfaction}`)} ${w.followUp.remarks}`,
    ])
  if (w.review)
    rows.push([
      t('wf.review'),
      `${t('wf.reviewFields.rootCause')}：${w.review.rootCause}；${t('wf.reviewFields.preventive')}：${w.review.preventive}（${w.review.owner}）`,
    ])
  if (w.voided) rows.push([t('options.status.voided'), `${w.voided.reason}（${w.voided.approvedBy.name}）`])
  if (rows.length === 0) return null
  return <FieldRows rows={rows} className="records" />
}
