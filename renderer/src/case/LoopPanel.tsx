import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { FollowUpInput, OralReportInput, ReviewInput, SubmitWrittenReportInput } from '@shared/schemas/workflow'
import { requiredText } from '@shared/schemas/common'
import { ManagerApproval } from '@shared/schemas/common'
import { toLocalDateTime } from '@shared/values/localTime'
import { useApi } from '../apiContext'
import { followUpOpensAt, needsReview, reportDone } from '@shared/rules/lifecycle'
import { MiniForm, type MiniField } from '../components/MiniForm'
import { FieldRows } from '../components/FieldRows'
import { PdfButton } from './PdfButton'
import { ActionButton, BlockedAction } from './ActionControl'
import { formatDateTime } from '../format'
import { caseActions, finished, shown, type CasePanelProps } from './caseActions'
import { OverdueBadges } from '../components/OverdueBadges'

const Reason = z.object({ reason: requiredText(200) })
const Resolution = z.object({ resolution: requiredText(500) })
const Void = z.object({ reason: requiredText(200), approval: ManagerApproval })
// Radio buttons give strings; the rating is a number 1–5 in the channel schema.
const FollowUpFields = FollowUpInput.omit({ id: true }).extend({
  satisfaction: z.coerce
    .number({ message: 'validation.choose' })
    .int()
    .min(1, { message: 'validation.choose' })
    .max(5, { message: 'validation.choose' }),
})
// Before the window opens the reason is required (main refuses without it).
const EarlyFollowUpFields = FollowUpFields.extend({ earlyReason: requiredText(200) })

/** The closed loop (docs/domain.md §8): each action as the lifecycle allows it now, and the records so far. */
export function LoopPanel({ c, act, managers, defaultApprover, settings, viewer }: CasePanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const w = c.workflow
  const now = toLocalDateTime(new Date())
  const transition = (input: Parameters<(typeof api)['cases:transition']>[0]) => act(api['cases:transition'](input))
  const actions = caseActions(c, viewer)
  const done = finished(actions)
  const d = c.flags.deadlines

  return (
    <section className="card" aria-labelledby="loop-title">
      <h2 id="loop-title">
        {t('wf.loopTitle')} <span className={`badge status-${c.status}`}>{t(`options.status.${c.status}`)}</span>
        <OverdueBadges flags={c.flags} />
      </h2>
      {!done && (
        <p className="muted small">
          {[
            !w.resolvedAt && t('wf.resolveBy', { at: formatDateTime(d.resolveBy!) }),
            d.firstResponseBy && !w.resolvedAt && t('wf.firstResponseBy', { at: formatDateTime(d.firstResponseBy) }),
            d.reportBy && w.resolvedAt && !reportDone(c) && t('wf.reportBy', { at: formatDateTime(d.reportBy) }),
            d.followUpBy &&
              !w.followUp &&
              t('wf.followUpBy', { from: formatDateTime(d.followUpFrom!), to: formatDateTime(d.followUpBy) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      <Records c={c} />

      {actions.start.enabled && (
        <ActionButton
          id="start"
          label={t('wf.start')}
          state={actions.start}
          act={act}
          call={() => api['cases:transition']({ id: c.id, action: 'start' })}
        />
      )}
      {actions.resolve.enabled ? (
        <MiniForm
          id="resolve"
          title={t('wf.resolve')}
          schema={Resolution}
          defaults={{ resolution: '' }}
          fields={[{ name: 'resolution', label: t('wf.resolution'), kind: 'textarea', hint: t('wf.resolutionHint') }]}
          submitLabel={t('wf.resolve')}
          onSubmit={(v) => transition({ id: c.id, action: 'resolve', ...v })}
        />
      ) : (
        shown(actions.resolve) && <BlockedAction id="resolve" label={t('wf.resolve')} state={actions.resolve} />
      )}
      {actions.recordOralReport.enabled ? (
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
      ) : (
        shown(actions.recordOralReport) && (
          <BlockedAction id="oral" label={t('wf.oralReport')} state={actions.recordOralReport} />
        )
      )}
      {actions.generateWrittenReport.enabled && (
        <div className="action">
          <PdfButton
            label={t(w.writtenReport ? 'pdf.class2.regenerate' : 'pdf.class2.generate')}
            primary={!w.writtenReport && Boolean(w.resolvedAt)}
            make={() => api['reports:writtenReport']({ id: c.id })}
            onMade={(file) => act(Promise.resolve({ ok: true as const, data: file.case }))}
          />
        </div>
      )}
      {actions.submitWrittenReport.enabled ? (
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
        shown(actions.submitWrittenReport) && (
          <BlockedAction id="written" label={t('wf.submitWritten')} state={actions.submitWrittenReport} />
        )
      )}
      {actions.recordFollowUp.enabled && <FollowUpForm c={c} act={act} settings={settings} />}
      {needsReview(c) && actions.recordReview.enabled && (
        // Filled at any time; opened when it is what closing waits for.
        <details open={actions.close.reason?.key === 'needs_review'}>
          <summary>{t('wf.review')}</summary>
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
        </details>
      )}
      <div className="loop-actions">
        {actions.requestReview.enabled && (
          <ActionButton
            id="request-review"
            label={t('wf.requestReview')}
            state={actions.requestReview}
            act={act}
            call={() => api['cases:requestReview']({ id: c.id })}
          />
        )}
        {/* 结案 is where the loop ends: shown on every open case, with what it still waits for. */}
        {(actions.close.enabled || !done) && (
          <ActionButton
            id="close"
            label={t('wf.close')}
            state={actions.close}
            act={act}
            primary
            call={() => api['cases:transition']({ id: c.id, action: 'close' })}
          />
        )}
      </div>
      {actions.reopen.enabled && (
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
      {actions.void.enabled && (
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

/**
 * The follow-up call. Before its window opens (followUpOpensAt) it says when the window
 * opens and asks why the call is made early; main refuses an early one without a reason.
 */
function FollowUpForm({ c, act, settings }: Pick<CasePanelProps, 'c' | 'act' | 'settings'>) {
  const { t } = useTranslation()
  const api = useApi()
  const opens = followUpOpensAt(c, settings)
  const early = opens !== null && Date.now() < opens.getTime()
  const fields: MiniField[] = [
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
  ]
  const submit = (v: z.output<typeof FollowUpFields>) => act(api['cases:recordFollowUp']({ id: c.id, ...v }))
  if (!early)
    return (
      <MiniForm
        key="on-time"
        id="followup"
        title={t('wf.followUp')}
        schema={FollowUpFields}
        defaults={{ method: 'phone', satisfaction: '', remarks: '' }}
        fields={fields}
        submitLabel={t('wf.followUp')}
        onSubmit={submit}
      />
    )
  return (
    <div className="early-follow-up">
      <p className="note" id="followup-opens">
        {t('refusals.follow_up_early', { from: formatDateTime(opens.toISOString()) })}
      </p>
      <MiniForm
        key="early"
        id="followup"
        title={t('wf.followUp')}
        schema={EarlyFollowUpFields}
        defaults={{ method: 'phone', satisfaction: '', remarks: '', earlyReason: '' }}
        fields={[
          ...fields,
          { name: 'earlyReason', label: t('wf.earlyReason'), kind: 'textarea', hint: t('wf.earlyReasonHint') },
        ]}
        submitLabel={t('wf.followUp')}
        onSubmit={submit}
      />
    </div>
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
