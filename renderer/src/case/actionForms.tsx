import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import {
  AddCommitmentInput,
  AddNoteInput,
  AssignForm,
  CONTACT_METHODS,
  CustomerUpdateInput,
  FollowUpInput,
  OralReportInput,
  RaiseClassInput,
  RecordEscalationInput,
  ReviewInput,
  SubmitWrittenReportInput,
} from '@shared/schemas/workflow'
import { requiredText } from '@shared/schemas/common'
import { toLocalDateTime } from '@shared/values/localTime'
import { followUpOpensAt } from '@shared/rules/lifecycle'
import { ChoiceField, DateTimeField, SelectField, TextAreaField, TextField } from '../ui/fields'
import { useApi } from '../apiContext'
import { useLoad } from '../hooks/useLoad'
import { formatDateTime } from '../format'
import { CaseForm } from './CaseForm'
import type { DefaultValues, Path } from 'react-hook-form'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import type { CasePanelProps } from './caseActions'

/** What each form needs: the case, how to act on it, and what to do once done or cancelled. */
export type FormProps = CasePanelProps & { onDone?: () => void; onCancel?: () => void }

const now = () => toLocalDateTime(new Date())
const Reason = z.object({ reason: requiredText(200) })
const Resolution = z.object({ resolution: requiredText(500) })

/** One required text and its button: the shape of 标记已解决, 重新打开, 升级为二类 and 内部备注. */
function TextCaseForm<K extends string>(props: {
  id: string
  name: K
  title: string
  label: string
  hint?: string
  rows: number
  schema: z.ZodType<Record<K, string>, Record<K, string>>
  onSubmit: (values: Record<K, string>) => Promise<Result<CaseDetail>>
  success: string
  onDone?: () => void
  onCancel?: () => void
}) {
  return (
    <CaseForm
      id={props.id}
      title={props.title}
      schema={props.schema}
      defaults={{ [props.name]: '' } as DefaultValues<Record<K, string>>}
      submitLabel={props.title}
      onSubmit={props.onSubmit}
      success={() => props.success}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
      {(control) => (
        <TextAreaField
          control={control}
          // TypeScript cannot see that K is a path of Record<K, string>.
          name={props.name as unknown as Path<Record<K, string>>}
          id={`${props.id}-${props.name}`}
          label={props.label}
          hint={props.hint}
          required
          rows={props.rows}
        />
      )}
    </CaseForm>
  )
}

/** 标记已解决: what was agreed with the customer and done. */
export function ResolveForm({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <TextCaseForm
      id="resolve"
      name="resolution"
      title={t('wf.resolve')}
      label={t('wf.resolution')}
      hint={t('wf.resolutionHint')}
      rows={3}
      schema={Resolution}
      onSubmit={(v) => act(api['cases:transition']({ id: c.id, action: 'resolve', ...v }))}
      success={t('detail.done.resolve')}
      onDone={onDone}
      onCancel={onCancel}
    />
  )
}

/** 记录口头报告 (Class 1): to whom, when, a one-line summary. */
export function OralReportForm({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <CaseForm
      id="oral"
      title={t('wf.oralReport')}
      schema={OralReportInput.omit({ id: true })}
      defaults={{ to: '', at: now(), summary: '' }}
      submitLabel={t('wf.oralReport')}
      onSubmit={(v) => act(api['cases:recordOralReport']({ id: c.id, ...v }))}
      success={(v) => t('detail.done.recordOralReport', { to: v.to })}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(control) => (
        <>
          <TextField control={control} name="to" id="oral-to" label={t('wf.reportedTo')} required />
          <DateTimeField control={control} name="at" id="oral-at" label={t('wf.reportedAt')} required />
          <TextField control={control} name="summary" id="oral-summary" label={t('wf.summary')} required />
        </>
      )}
    </CaseForm>
  )
}

/** 标记书面报告已提交 (Class 2, once generated): to whom, when. */
export function SubmitWrittenForm({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <CaseForm
      id="written"
      title={t('wf.submitWritten')}
      schema={SubmitWrittenReportInput.omit({ id: true })}
      defaults={{ submittedTo: '', at: now() }}
      submitLabel={t('wf.submitWritten')}
      onSubmit={(v) => act(api['cases:submitWrittenReport']({ id: c.id, ...v }))}
      success={(v) => t('detail.done.submitWrittenReport', { to: v.submittedTo })}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(control) => (
        <>
          <TextField control={control} name="submittedTo" id="written-to" label={t('wf.submittedTo')} required />
          <DateTimeField control={control} name="at" id="written-at" label={t('wf.submittedAt')} required />
        </>
      )}
    </CaseForm>
  )
}

const FollowUpFields = FollowUpInput.omit({ id: true })
// Before the window opens the reason is required (main refuses without it).
const EarlyFollowUpFields = FollowUpFields.extend({ earlyReason: requiredText(200) })

/**
 * 记录回访. Before its window opens (followUpOpensAt) it says when the window opens and asks
 * why the call is made early; main refuses an early one without a reason.
 */
export function FollowUpForm({ c, act, settings, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  const opens = followUpOpensAt(c, settings)
  const early = opens !== null && Date.now() < opens.getTime()
  return (
    <>
      {early && (
        <p className="note" id="followup-opens">
          {t('refusals.follow_up_early', { from: formatDateTime(opens.toISOString()) })}
        </p>
      )}
      <CaseForm
        key={early ? 'early' : 'on-time'}
        id="followup"
        title={t('wf.followUp')}
        schema={early ? EarlyFollowUpFields : FollowUpFields}
        defaults={{ method: 'phone', remarks: '', ...(early ? { earlyReason: '' } : {}) }}
        submitLabel={t('wf.followUp')}
        onSubmit={(v) => act(api['cases:recordFollowUp']({ id: c.id, ...v }))}
        success={(v) =>
          t('detail.done.recordFollowUp', {
            level: t(`wf.satisfactionLevels.${v.satisfaction}`),
            score: v.satisfaction,
          })
        }
        onDone={onDone}
        onCancel={onCancel}
      >
        {(control) => (
          <>
            <ChoiceField
              control={control}
              name="method"
              id="followup-method"
              label={t('wf.method')}
              required
              options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`wf.methods.${m}`) }))}
            />
            <ChoiceField
              control={control}
              name="satisfaction"
              id="followup-satisfaction"
              label={t('wf.satisfaction')}
              required
              options={[5, 4, 3, 2, 1].map((n) => ({ value: n, label: t(`wf.satisfactionLevels.${n}`) }))}
            />
            <TextAreaField control={control} name="remarks" id="followup-remarks" label={t('wf.remarks')} rows={2} />
            {early && (
              <TextAreaField
                control={control}
                name="earlyReason"
                id="followup-early"
                label={t('wf.earlyReason')}
                hint={t('wf.earlyReasonHint')}
                required
                rows={2}
              />
            )}
          </>
        )}
      </CaseForm>
    </>
  )
}

const REVIEW_FIELDS = ['wentWell', 'improve', 'rootCause', 'preventive', 'owner'] as const

/** 反省检讨: what went well, what to improve, root cause, prevention, owner. */
export function ReviewForm({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <CaseForm
      id="review"
      title={t('wf.review')}
      schema={ReviewInput.omit({ id: true })}
      defaults={{ wentWell: '', improve: '', rootCause: '', preventive: '', owner: '' }}
      submitLabel={t('wf.review')}
      onSubmit={(v) => act(api['cases:recordReview']({ id: c.id, ...v }))}
      success={() => t('detail.done.recordReview')}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(control) =>
        REVIEW_FIELDS.map((f) =>
          f === 'owner' ? (
            <TextField
              key={f}
              control={control}
              name={f}
              id={`review-${f}`}
              label={t(`wf.reviewFields.${f}`)}
              required
            />
          ) : (
            <TextAreaField
              key={f}
              control={control}
              name={f}
              id={`review-${f}`}
              label={t(`wf.reviewFields.${f}`)}
              required
              rows={2}
            />
          ),
        )
      }
    </CaseForm>
  )
}

/** 重新打开: why the case goes round the loop again. */
export function ReopenForm({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <TextCaseForm
      id="reopen"
      name="reason"
      title={t('wf.reopen')}
      label={t('wf.reason')}
      rows={2}
      schema={Reason}
      onSubmit={(v) => act(api['cases:transition']({ id: c.id, action: 'reopen', ...v }))}
      success={t('detail.done.reopen')}
      onDone={onDone}
      onCancel={onCancel}
    />
  )
}

/** 升级为二类: any staff member, with a reason. */
export function RaiseClassForm({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <TextCaseForm
      id="raise"
      name="reason"
      title={t('wf.raise')}
      label={t('wf.reason')}
      rows={2}
      schema={RaiseClassInput.omit({ id: true })}
      onSubmit={(v) => act(api['cases:raiseClass']({ id: c.id, ...v }))}
      success={t('detail.done.raiseClass')}
      onDone={onDone}
      onCancel={onCancel}
    />
  )
}

/** 添加承诺: what was promised, who keeps it, by when. */
export function CommitmentForm({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <CaseForm
      id="commitment"
      title={t('wf.addCommitment')}
      schema={AddCommitmentInput.omit({ id: true })}
      defaults={{ what: '', owner: '', dueAt: toLocalDateTime(new Date(Date.now() + 2 * 3600_000)) }}
      submitLabel={t('wf.addCommitment')}
      onSubmit={(v) => act(api['commitments:add']({ id: c.id, ...v }))}
      success={(v) => t('detail.done.addCommitment', { what: v.what })}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(control) => (
        <>
          <TextField
            control={control}
            name="what"
            id="commitment-what"
            label={t('wf.what')}
            hint={t('wf.whatHint')}
            required
          />
          <TextField control={control} name="owner" id="commitment-owner" label={t('wf.owner')} required />
          <DateTimeField control={control} name="dueAt" id="commitment-due" label={t('wf.due')} required />
        </>
      )}
    </CaseForm>
  )
}

/** 转交: to a colleague, or to another department (then nobody there owns it until someone takes it). */
export function AssignFormPanel({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const departments = useLoad(() => api['departments:list'](), [])
  return (
    <CaseForm
      id="assign"
      title={t('owner.assignTitle')}
      schema={AssignForm}
      defaults={{ staffId: '', departmentId: '', note: '' }}
      submitLabel={t('owner.assign')}
      onSubmit={(v) => act(api['cases:assign']({ id: c.id, ...v }))}
      success={() => t('detail.done.assign')}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(control) => (
        <>
          <SelectField
            control={control}
            name="staffId"
            id="assign-staff"
            label={t('owner.staff')}
            hint={t('owner.staffHint')}
            allowClear
            options={staff.state === 'ready' ? staff.data.map((s) => ({ value: s.id, label: s.name })) : []}
          />
          <SelectField
            control={control}
            name="departmentId"
            id="assign-department"
            label={t('owner.toDepartment')}
            allowClear
            options={departments.state === 'ready' ? departments.data.map((d) => ({ value: d.id, label: d.name })) : []}
          />
          <TextAreaField
            control={control}
            name="note"
            id="assign-note"
            label={t('owner.note')}
            hint={t('owner.noteHint')}
            required
            rows={2}
          />
        </>
      )}
    </CaseForm>
  )
}

/** 内部备注: for staff only, never printed for the customer. */
export function NoteForm({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <TextCaseForm
      id="note"
      name="text"
      title={t('notes.add')}
      label={t('notes.text')}
      hint={t('notes.textHint')}
      rows={3}
      schema={AddNoteInput.omit({ id: true })}
      onSubmit={(v) => act(api['cases:addNote']({ id: c.id, ...v }))}
      success={t('detail.done.addNote')}
      onDone={onDone}
      onCancel={onCancel}
    />
  )
}

/** 记录已告知客户: when, how, what was said. */
export function CustomerUpdateForm({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <CaseForm
      id="customer-update"
      title={t('notes.recordUpdate')}
      schema={CustomerUpdateInput.omit({ id: true })}
      defaults={{ at: now(), method: 'phone', said: '' }}
      submitLabel={t('notes.recordUpdate')}
      onSubmit={(v) => act(api['cases:recordCustomerUpdate']({ id: c.id, ...v }))}
      success={() => t('detail.done.recordCustomerUpdate')}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(control) => (
        <>
          <DateTimeField control={control} name="at" id="customer-update-at" label={t('notes.when')} required />
          <ChoiceField
            control={control}
            name="method"
            id="customer-update-method"
            label={t('notes.how')}
            required
            options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`wf.methods.${m}`) }))}
          />
          <TextAreaField
            control={control}
            name="said"
            id="customer-update-said"
            label={t('notes.said')}
            hint={t('notes.saidHint')}
            required
            rows={2}
          />
        </>
      )}
    </CaseForm>
  )
}

/**
 * 紧急上报: who was told (name and how), recorded with the time and the clerk. Once someone was
 * told, or while a manager can take over, it is no longer the card's main action.
 */
export function NotifyForm({ c, act, onDone, again, secondary }: FormProps & { again?: boolean; secondary?: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <CaseForm
      id="notify"
      title={t('wf.recordNotified')}
      schema={RecordEscalationInput.omit({ id: true })}
      defaults={{ who: '' }}
      submitLabel={again ? t('wf.escalateAgain') : t('wf.escalate')}
      secondary={secondary}
      onSubmit={(v) => act(api['cases:recordEscalation']({ id: c.id, ...v }))}
      success={(v) => t('detail.done.recordEscalation', { who: v.who })}
      onDone={onDone}
    >
      {(control) => (
        <TextField
          control={control}
          name="who"
          id="notify-who"
          label={t('wf.who')}
          placeholder={t('wf.whoHint')}
          required
        />
      )}
    </CaseForm>
  )
}
