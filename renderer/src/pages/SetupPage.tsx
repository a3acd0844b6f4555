import { useEffect, useState } from 'react'
import { useForm, useWatch, type Path, type Resolver } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Col, Form, Row, Space, Steps } from 'antd'
import type { z } from 'zod'
import { SetupInput } from '@shared/schemas/staff'
import type { Session } from '@shared/schemas/staff'
import { DEFAULT_DEPARTMENTS } from '@shared/domain/defaults'
import { useApi } from '../apiContext'
import { ChoiceField, PinField, TextField } from '../ui/fields'
import { ContactFields, EMPTY_CONTACT } from './settings/ContactsForm'
import { showRefusal } from './settings/refusal'

type SetupForm = Omit<z.input<typeof SetupInput>, 'departments'> & { departments: string[] }

/** The wizard's steps and the fields each one asks for (a refusal from main opens the step it is about). */
const STEPS = [
  { id: 'branch', fields: ['branch'] },
  { id: 'manager', fields: ['manager'] },
  { id: 'contacts', fields: ['contacts'] },
  { id: 'departments', fields: ['departments'] },
] as const
/** Head office has no desk: no emergency contacts, service phone or departments to ask for. */
const HEAD_OFFICE_STEPS = STEPS.slice(0, 2)

const stepOf = (path: string) => {
  const i = STEPS.findIndex((s) => s.fields.some((f) => path === f || path.startsWith(`${f}.`)))
  return i === -1 ? 0 : i
}

const checkSetup = zodResolver(SetupInput) as unknown as Resolver<SetupForm>
/** Head office is checked (and sent) without the branch-only steps it never showed. */
const setupResolver: Resolver<SetupForm> = (values, context, options) => {
  if (values.kind !== 'headoffice') return checkSetup(values, context, options)
  const { kind, branch, manager } = values
  return checkSetup({ kind, branch, manager } as SetupForm, context, options)
}

/**
 * 首次使用设置 (issue 14): the branch, the first manager, whom to call in an emergency and the
 * service phone for receipts, and the departments (the defaults, editable) — a step at a time,
 * each checked with the schema main checks the set-up with before the next one opens.
 */
export function SetupPage({ onDone }: { onDone: (session: Session) => void }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [step, setStep] = useState(0)
  // The resolver hands handleSubmit what the schema made of the form (SetupInput's output).
  const form = useForm<SetupForm>({
    resolver: setupResolver,
    defaultValues: {
      kind: 'branch',
      branch: { name: '', code: '' },
      manager: { name: '', pin: '', pinConfirm: '' },
      contacts: { managerContacts: [{ ...EMPTY_CONTACT }], serviceContact: '' },
      departments: [...DEFAULT_DEPARTMENTS[i18n.language === 'en' ? 'en' : 'zh-CN']],
    },
  })
  // A step is checked with trigger(), not a submit, so RHF would not check a field again as it
  // changes: a field showing an error is checked on every change, and its message goes once fixed.
  useEffect(() => {
    const sub = form.watch((_values, { name }) => {
      if (name && form.getFieldState(name as Path<SetupForm>).error) void form.trigger(name as Path<SetupForm>)
    })
    return () => sub.unsubscribe()
  }, [form])
  const c = form.control
  const departments = useWatch({ control: c, name: 'departments' })
  const headOffice = useWatch({ control: c, name: 'kind' }) === 'headoffice'
  const steps = headOffice ? HEAD_OFFICE_STEPS : STEPS
  const last = steps.length - 1
  const refusal = form.formState.errors.root?.server?.message

  const next = async () => {
    const ok = await form.trigger(STEPS[step].fields as unknown as Path<SetupForm>[], { shouldFocus: true })
    if (!ok) return
    // The first manager is usually the first one to call: their name is offered, their phone is asked.
    if (step === 1 && (form.getValues('contacts.managerContacts.0.name') ?? '').trim() === '') {
      form.setValue('contacts.managerContacts.0.name', form.getValues('manager.name'))
    }
    setStep(step + 1)
  }
  const finish = form.handleSubmit(
    async (values) => {
      const result = await api['setup:init'](values as z.output<typeof SetupInput>)
      if (result.ok) return onDone(result.data)
      showRefusal(result.error, form, false)
      const first = result.error.issues?.[0]?.path
      if (first) setStep(stepOf(first))
    },
    (errors) => setStep(stepOf(Object.keys(errors)[0] ?? 'branch')),
  )
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    // Enter in a field moves on; only the last step sets the branch up.
    if (step < last) void next()
    else void finish()
  }
  const setDepartments = (list: string[]) => form.setValue('departments', list, { shouldDirty: true })

  return (
    <main className="centered-page setup-page">
      <Card className="setup-card">
        <Form component={false}>
          <form onSubmit={submit} noValidate aria-labelledby="setup-title">
            <h1 id="setup-title">{t('setup.title')}</h1>
            <p className="muted">{t('setup.intro')}</p>
            <Steps
              size="small"
              current={step}
              className="setup-steps"
              items={steps.map((s) => ({ title: t(`setup.steps.${s.id}`) }))}
            />
            {refusal && <Alert type="error" showIcon role="alert" message={refusal} style={{ marginBottom: 16 }} />}
            <section aria-labelledby="setup-step-title" key={step}>
              <h2 id="setup-step-title" className="setup-step-title">
                {t(`setup.steps.${STEPS[step].id}`)}
              </h2>
              {step === 0 && (
                <>
                  <ChoiceField
                    control={c}
                    name="kind"
                    id="setupKind"
                    label={t('hq.setupKind')}
                    hint={t('hq.setupKindHint')}
                    options={(['branch', 'headoffice'] as const).map((k) => ({ value: k, label: t(`hq.kind.${k}`) }))}
                  />
                  <TextField control={c} name="branch.name" id="branchName" label={t('setup.branchName')} required />
                  <TextField
                    control={c}
                    name="branch.code"
                    id="branchCode"
                    label={t('setup.branchCode')}
                    hint={t('hints.branchCode')}
                    maxLength={16}
                    required
                  />
                </>
              )}
              {step === 1 && (
                <>
                  <TextField control={c} name="manager.name" id="managerName" label={t('setup.managerName')} required />
                  <PinField control={c} name="manager.pin" id="managerPin" label={t('setup.pin')} required />
                  <PinField
                    control={c}
                    name="manager.pinConfirm"
                    id="managerPinConfirm"
                    label={t('setup.pinConfirm')}
                    required
                  />
                </>
              )}
              {step === 2 && (
                <>
                  <p className="hint">{t('setup.contactsIntro')}</p>
                  <ContactFields control={c} prefix="contacts." idPrefix="setup" />
                </>
              )}
              {step === 3 && (
                <fieldset aria-labelledby="setup-step-title">
                  <p className="hint">{t('setup.departmentsIntro')}</p>
                  {departments.map((_, i) => (
                    <Row key={i} gutter={8} align="top">
                      <Col flex="auto">
                        <TextField
                          control={c}
                          name={`departments.${i}`}
                          id={`setup-department-${i}`}
                          label={t('setup.departmentN', { n: i + 1 })}
                          required
                        />
                      </Col>
                      <Col>
                        <Form.Item label=" " colon={false} layout="vertical">
                          <Button
                            htmlType="button"
                            disabled={departments.length === 1}
                            aria-label={t('setup.removeDepartment', { n: i + 1 })}
                            onClick={() => setDepartments(departments.filter((__, j) => j !== i))}
                          >
                            {t('settings.remove')}
                          </Button>
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button
                    htmlType="button"
                    disabled={departments.length >= 30}
                    onClick={() => setDepartments([...departments, ''])}
                  >
                    {t('settings.addDepartment')}
                  </Button>
                </fieldset>
              )}
            </section>
            <Space className="setup-actions">
              {step > 0 && (
                <Button htmlType="button" onClick={() => setStep(step - 1)}>
                  {t('setup.back')}
                </Button>
              )}
              {step < last ? (
                <Button type="primary" htmlType="submit">
                  {t('setup.next')}
                </Button>
              ) : (
                <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
                  {t('actions.startSetup')}
                </Button>
              )}
            </Space>
          </form>
        </Form>
      </Card>
    </main>
  )
}
