import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { Controller, useForm, useWatch, type Control, type FieldErrors, type UseFormReturn } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Checkbox, Spin, Typography } from 'antd'
import { CaseDraft, LIMITS, type CaseDetail } from '@shared/schemas/case'
import type { IntakeDraft } from '@shared/schemas/draft'
import type { Department } from '@shared/schemas/staff'
import {
  CATEGORIES,
  CHANNELS,
  CUSTOMER_STYLES,
  CUSTOMER_TYPES,
  DEMANDS,
  FAULTS,
  MOODS,
  RESOLVED_AT_DESK,
  SITUATIONS,
  type Cause,
} from '@shared/values/options'
import { useApi } from '../apiContext'
import { useErrorText, describedBy } from '../components/Field'
import { formatDateTime, formatTime } from '../format'
import { applyServerError } from '../hooks/serverErrors'
import { useLoad, type Load } from '../hooks/useLoad'
import { useDraftStatus, useIntakeDraft, type IntakeDraftKeeper } from '../hooks/useIntakeDraft'
import { CauseSelect } from '../case/CauseField'
import { ProposalPanel } from '../case/ProposalPanel'
import { useFeedback } from '../ui/feedback'
import {
  AmountField,
  ChoiceField,
  DateTimeField,
  FormItem,
  SelectField,
  TextAreaField,
  TextField,
  type Option,
} from '../ui/fields'
import { useUnsavedGuard } from '../ui/unsaved'
import { intakeDefaults } from './intakeDefaults'
import { enterStaysIn, focusFirst, nextField, pickingFromList } from './intakeKeys'

type Name = keyof CaseDraft
/** Long texts: over the limit is said at once, next to the field (the text is never cut). */
const LONG_TEXTS = ['description', 'demandNote', 'customerWords'] as const
/** Fields whose format is checked as soon as the clerk leaves them (not only on save). */
const CHECKED_ON_LEAVING: readonly string[] = ['phone', 'amount', 'lossAmount', 'claimAmount']

/**
 * 受理登记 (issue 14): the form in two columns with 系统建议 beside it, kept as a draft per clerk
 * while they type and restored when they come back; Enter moves on, Ctrl+Enter saves.
 */
export function IntakePage({ onSaved, onCancel }: { onSaved: (c: CaseDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const draft = useLoad(() => api['drafts:get'](), [])
  const departments = useLoad(() => api['departments:list'](), [])
  if (draft.state === 'loading')
    return (
      <div className="page intake">
        <header className="page-header">
          <h1>{t('intake.title')}</h1>
        </header>
        <Spin />
      </div>
    )
  return (
    <IntakeForm
      restored={draft.state === 'ready' ? draft.data : null}
      draftError={draft.state === 'error' ? draft.error.message : null}
      departments={departments}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  )
}

type Done = { kind: 'saved'; c: CaseDetail } | { kind: 'cancelled' }

function IntakeForm({
  restored,
  draftError,
  departments,
  onSaved,
  onCancel,
}: {
  restored: IntakeDraft | null
  draftError: string | null
  departments: Load<Department[]>
  onSaved: (c: CaseDetail) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const feedback = useFeedback()
  const formRef = useRef<HTMLFormElement>(null)
  const [blank] = useState(() => intakeDefaults(new Date()))
  const form = useForm<CaseDraft>({
    resolver: zodResolver(CaseDraft),
    defaultValues: restored ? ({ ...blank, ...restored.values } as CaseDraft) : blank,
    shouldFocusError: false,
  })
  const { control, formState } = form

  const hasInput = useCallback(() => {
    const now = form.getValues()
    return (
      (Object.keys(blank) as Name[]).some((k) => JSON.stringify(now[k] ?? '') !== JSON.stringify(blank[k] ?? '')) ||
      (now.confirmedRules?.length ?? 0) > 0
    )
  }, [form, blank])
  const draft = useIntakeDraft(form, hasInput)
  useEffect(() => {
    if (restored) draft.restored(restored.savedAt)
  }, [restored, draft])
  const [showRestored, setShowRestored] = useState(restored !== null)
  // The clerk starts with the customer's name (F2 from anywhere lands here).
  useEffect(() => document.getElementById('customerName')?.focus(), [])

  const [done, setDone] = useState<Done | null>(null)
  useEffect(() => {
    if (done?.kind === 'saved') onSaved(done.c)
    else if (done?.kind === 'cancelled') onCancel()
    // The page is left once, when `done` is set.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done])

  // A field's message goes (or changes) as soon as the field changes, saved or not yet.
  useEffect(() => {
    const subscription = form.watch((_, { name }) => {
      if (name && form.getFieldState(name).error) void form.trigger(name)
    })
    return () => subscription.unsubscribe()
  }, [form])

  const [outcome, setOutcome] = useState<{ message: string; detail?: string } | null>(null)
  const bringToFirst = (names: readonly string[]) =>
    requestAnimationFrame(() => formRef.current && focusFirst(formRef.current, names))

  const onInvalid = (errs: FieldErrors<CaseDraft>) => {
    const names = Object.keys(errs)
    setOutcome({ message: t('intake.invalid', { count: names.length }) })
    bringToFirst(names)
  }
  const submit = form.handleSubmit(async (draftValues) => {
    setOutcome(null)
    await draft.pause()
    const result = await api['cases:create'](draftValues)
    if (result.ok) return setDone({ kind: 'saved', c: result.data })
    draft.resume()
    const message = applyServerError(result.error, form.setError)
    const names = (result.error.issues ?? []).map((i) => i.path).filter((p): p is string => Boolean(p))
    setOutcome({
      message: names.length > 0 ? message : t('intake.notSaved', { reason: message }),
      detail: names.length > 0 ? t('intake.invalid', { count: names.length }) : undefined,
    })
    if (names.length > 0) bringToFirst(names)
  }, onInvalid)

  // Enter moves to the next field; Ctrl+Enter saves from anywhere in the form.
  const onKeyDownCapture = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return // an IME choosing characters
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault()
      e.stopPropagation()
      void submit()
      return
    }
    if (e.shiftKey || e.altKey) return
    const el = e.target as HTMLElement
    if (enterStaysIn(el) || !formRef.current) return
    // An open list takes the Enter (an option picked; it keeps the form from submitting), and
    // the date picker takes a typed time; the form moves on when the key comes up, once they
    // are done with it (what is typed next goes to the next field, not into their search).
    if (pickingFromList(el) || el.closest('.ant-picker')) {
      // Not preventing it in the picker would also submit the whole form (the browser's implicit submission).
      if (el.closest('.ant-picker')) e.preventDefault()
      moveOnKeyUp.current = el
      return
    }
    e.preventDefault()
    e.stopPropagation()
    nextField(formRef.current, el)?.focus()
  }
  const moveOnKeyUp = useRef<HTMLElement | null>(null)
  const onKeyUp = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || moveOnKeyUp.current !== e.target || !formRef.current) return
    moveOnKeyUp.current = null
    nextField(formRef.current, e.target as HTMLElement)?.focus()
  }

  const onBlurCapture = (e: FocusEvent<HTMLFormElement>) => {
    void draft.flush()
    const id = (e.target as HTMLElement).id
    if (CHECKED_ON_LEAVING.includes(id) && String(form.getValues(id as Name) ?? '').trim() !== '')
      void form.trigger(id as Name)
  }

  const giveUp = async () => {
    if (!hasInput()) return setDone({ kind: 'cancelled' })
    const sure = await feedback.confirmDanger({
      title: t('intake.discardTitle'),
      content: t('intake.discardContent'),
      okText: t('intake.discardOk'),
    })
    if (!sure) return
    const cleared = await draft.discard()
    if (!cleared.ok) return setOutcome({ message: t('intake.draftFailed', { reason: cleared.error.message }) })
    feedback.success(t('intake.discarded'))
    setDone({ kind: 'cancelled' })
  }
  const discardDraft = async () => {
    const sure = await feedback.confirmDanger({
      title: t('intake.discardTitle'),
      content: t('intake.discardContent'),
      okText: t('intake.discardOk'),
    })
    if (!sure) return
    const cleared = await draft.discard()
    if (!cleared.ok) return setOutcome({ message: t('intake.draftFailed', { reason: cleared.error.message }) })
    feedback.success(t('intake.discarded'))
    setShowRestored(false)
    form.reset(intakeDefaults(new Date()))
    draft.resume()
  }

  const onPickCause = useCallback((cause: Cause | '') => form.setValue('cause', cause, { shouldDirty: true }), [form])
  const activeDepartments = useMemo<Option[]>(
    () =>
      departments.state === 'ready'
        ? departments.data.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))
        : [],
    [departments],
  )

  return (
    <form
      ref={formRef}
      className="page intake"
      onSubmit={submit}
      onKeyDownCapture={onKeyDownCapture}
      onKeyUp={onKeyUp}
      onBlurCapture={onBlurCapture}
      noValidate
      aria-labelledby="intake-title"
    >
      <header className="page-header">
        <h1 id="intake-title">{t('intake.title')}</h1>
        <Typography.Text type="secondary">{t('intake.keys')}</Typography.Text>
      </header>
      {showRestored && restored && (
        <Alert
          className="intake-notice"
          type="info"
          showIcon
          message={t('intake.draftRestored', { time: formatDateTime(restored.savedAt) })}
          action={
            <Button size="small" danger onClick={() => void discardDraft()}>
              {t('intake.discardDraft')}
            </Button>
          }
        />
      )}
      {draftError && (
        <Alert
          className="intake-notice"
          type="warning"
          showIcon
          message={t('intake.draftFailed', { reason: draftError })}
        />
      )}
      {departments.state === 'ready' && activeDepartments.length === 0 && (
        <Alert className="intake-notice" type="warning" showIcon message={t('intake.noDepartments')} />
      )}
      {departments.state === 'error' && (
        <Alert className="intake-notice" type="error" showIcon message={departments.error.message} />
      )}
      <OverLimit form={form} />
      <LeaveGuard draft={draft} done={done !== null} />
      <div className="intake-layout">
        <IntakeFields control={control} departments={activeDepartments} onPickCause={onPickCause} />
        <aside className="intake-side" aria-label={t('wf.proposed')}>
          <ProposalPanel
            form={form}
            footer={
              <div className="intake-actions" data-enter-skip>
                {outcome && (
                  <Alert type="error" showIcon role="alert" message={outcome.message} description={outcome.detail} />
                )}
                <div className="intake-buttons">
                  <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
                    {t('actions.save')}
                  </Button>
                  <Button onClick={() => void giveUp()}>{t('actions.cancel')}</Button>
                </div>
                <DraftLine draft={draft} />
              </div>
            }
          />
        </aside>
      </div>
    </form>
  )
}

/**
 * The form's fields, in the order Enter walks them (the standard complaint's fields first).
 * Drawn once and again only when the departments or the language change: typing redraws the
 * field typed in, not the form.
 */
const IntakeFields = memo(function IntakeFields({
  control,
  departments,
  onPickCause,
}: {
  control: Control<CaseDraft>
  departments: Option[]
  onPickCause: (cause: Cause | '') => void
}) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const options = (values: readonly string[], key: string): Option[] =>
    values.map((v) => ({ value: v, label: t(`options.${key}.${v}`) }))
  return (
    <div className="intake-main">
      <Section id="intake-customer" title={t('intake.customer')}>
        <TextField
          control={control}
          name="customerName"
          id="customerName"
          label={t('fields.customerName')}
          hint={t('hints.customerName')}
          required
        />
        <TextField
          control={control}
          name="phone"
          id="phone"
          label={t('fields.phone')}
          hint={t('hints.phone')}
          inputMode="tel"
        />
        <ChoiceField
          control={control}
          name="mood"
          id="mood"
          label={t('fields.mood')}
          required
          options={options(MOODS, 'mood')}
        />
        <SelectField
          control={control}
          name="customerType"
          id="customerType"
          label={t('fields.customerType')}
          required
          options={options(CUSTOMER_TYPES, 'customerType')}
        />
        <SelectField
          control={control}
          name="customerStyle"
          id="customerStyle"
          label={t('fields.customerStyle')}
          placeholder={t('intake.notSet')}
          allowClear
          options={options(CUSTOMER_STYLES, 'customerStyle')}
        />
      </Section>
      <Section id="intake-complaint" title={t('intake.complaint')}>
        <SelectField
          control={control}
          name="departmentId"
          id="departmentId"
          label={t('fields.department')}
          required
          options={departments}
        />
        <SelectField
          control={control}
          name="category"
          id="category"
          label={t('fields.category')}
          required
          options={options(CATEGORIES, 'category')}
        />
        <div className="intake-wide">
          <TextAreaField
            control={control}
            name="description"
            id="description"
            label={t('fields.description')}
            hint={t('hints.description')}
            required
            rows={4}
            max={LIMITS.description}
          />
        </div>
        <SelectField
          control={control}
          name="demand"
          id="demand"
          label={t('fields.demand')}
          required
          options={options(DEMANDS, 'demand')}
        />
        <AmountField
          control={control}
          name="lossAmount"
          id="lossAmount"
          label={t('fields.lossAmount')}
          hint={t('hints.lossAmount')}
        />
        <AmountField
          control={control}
          name="claimAmount"
          id="claimAmount"
          label={t('fields.claimAmount')}
          hint={t('hints.claimAmount')}
        />
        <TextField control={control} name="product" id="product" label={t('fields.product')} />
        <AmountField control={control} name="amount" id="amount" label={t('fields.amount')} hint={t('hints.amount')} />
        <TextField control={control} name="receiptNo" id="receiptNo" label={t('fields.receiptNo')} />
        <CauseSelect id="cause" control={control} onPick={onPickCause} />
        <TextField
          control={control}
          name="staffComplainedAbout"
          id="staffComplainedAbout"
          label={t('fields.staffComplainedAbout')}
          hint={t('hints.staffComplainedAbout')}
        />
        <div className="intake-wide">
          <TextField control={control} name="demandNote" id="demandNote" label={t('fields.demandNote')} />
        </div>
        <div className="intake-wide">
          <TextAreaField
            control={control}
            name="customerWords"
            id="customerWords"
            label={t('fields.customerWords')}
            hint={t('hints.customerWords')}
            rows={2}
            max={LIMITS.customerWords}
          />
        </div>
      </Section>
      <Section id="intake-handling" title={t('intake.handling')}>
        <div className="intake-wide">
          <Controller
            control={control}
            name="situations"
            render={({ field, fieldState }) => {
              const error = errorText(fieldState.error?.message)
              return (
                <FormItem id="situations" label={t('fields.situations')} hint={t('hints.situations')} error={error}>
                  <div
                    id="situations"
                    role="group"
                    aria-label={t('fields.situations')}
                    aria-describedby={describedBy('situations', error, t('hints.situations'))}
                  >
                    <Checkbox.Group
                      value={field.value}
                      onChange={(v) => field.onChange(v)}
                      options={options(SITUATIONS, 'situations')}
                    />
                  </div>
                </FormItem>
              )
            }}
          />
        </div>
        <ChoiceField
          control={control}
          name="fault"
          id="fault"
          label={t('fields.fault')}
          required
          options={options(FAULTS, 'fault')}
        />
        <ChoiceField
          control={control}
          name="resolvedAtDesk"
          id="resolvedAtDesk"
          label={t('fields.resolvedAtDesk')}
          required
          options={options(RESOLVED_AT_DESK, 'resolvedAtDesk')}
        />
        <DateTimeField control={control} name="receivedAt" id="receivedAt" label={t('fields.receivedAt')} required />
        <SelectField
          control={control}
          name="channel"
          id="channel"
          label={t('fields.channel')}
          required
          options={options(CHANNELS, 'channel')}
        />
      </Section>
    </div>
  )
})

/** A long text over its limit says so while it is typed (next to the field; the text is never cut). */
function OverLimit({ form }: { form: UseFormReturn<CaseDraft> }) {
  const texts = useWatch({ control: form.control, name: LONG_TEXTS })
  const over = LONG_TEXTS.map((name, i) => (texts[i] ?? '').length > LIMITS[name])
  useEffect(() => {
    LONG_TEXTS.forEach((name, i) => {
      if (over[i] || form.getFieldState(name).error) void form.trigger(name)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, over)
  return null
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <Card
        size="small"
        title={
          <h2 id={`${id}-title`} className="intake-section-title">
            {title}
          </h2>
        }
      >
        <div className="intake-grid">{children}</div>
      </Card>
    </section>
  )
}

/** Where the draft stands, in a line under the buttons. */
function DraftLine({ draft }: { draft: IntakeDraftKeeper }) {
  const { t } = useTranslation()
  const status = useDraftStatus(draft)
  if (status.state === 'none') return null
  if (status.state === 'failed')
    return (
      <Typography.Text type="danger" className="intake-draft" role="status">
        {t('intake.draftFailed', { reason: status.message })}
      </Typography.Text>
    )
  return (
    <Typography.Text type="secondary" className="intake-draft" role="status">
      {status.state === 'pending' ? t('intake.draftSaving') : t('intake.draftSaved', { time: formatTime(status.at) })}
    </Typography.Text>
  )
}

/** Leaving asks first only while something typed would be lost: not yet in the draft, or the draft failed. */
function LeaveGuard({ draft, done }: { draft: IntakeDraftKeeper; done: boolean }) {
  useDraftStatus(draft)
  useUnsavedGuard(!done && !draft.safe())
  return null
}
