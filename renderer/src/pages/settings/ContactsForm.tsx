import {
  get,
  useFieldArray,
  useForm,
  useFormState,
  type Control,
  type FieldValues,
  type Resolver,
} from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Col, Form, Row, Space } from 'antd'
import { z } from 'zod'
import { ManagerApproval } from '@shared/schemas/common'
import { BranchContacts, type WorkflowSettings } from '@shared/schemas/settings'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../../apiContext'
import { useFeedback } from '../../ui/feedback'
import { useUnsavedGuard } from '../../ui/unsaved'
import { TextField } from '../../ui/fields'
import { useErrorText } from '../../components/Field'
import { ApprovalFields } from '../../components/ApprovalFields'
import { NO_APPROVAL } from './approvalPrompt'
import { showRefusal, typedChanges } from './refusal'

type Contacts = z.input<typeof BranchContacts>
type WithContacts = { managerContacts: Contacts['managerContacts']; serviceContact: string }

export const EMPTY_CONTACT = { name: '', role: '', phone: '' }

/**
 * The emergency contacts (主管联系人, shown on the escalation card) and the service phone printed
 * on receipts: the fields themselves, used by the first run and by 设置 → 通用. `prefix` is where
 * they sit in the form ('' or 'contacts.').
 */
export function ContactFields<T extends FieldValues>({
  control,
  prefix,
  idPrefix,
}: {
  control: Control<T>
  prefix: '' | 'contacts.'
  idPrefix: string
}) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const c = control as unknown as Control<WithContacts>
  const name = (p: string) => `${prefix}${p}` as 'serviceContact'
  const rows = useFieldArray({ control: c, name: name('managerContacts') as 'managerContacts' })
  // The list's own message (no contact at all) sits under the list.
  const { errors } = useFormState({ control: c })
  const listNode = get(errors, name('managerContacts')) as { message?: string; root?: { message?: string } } | undefined
  const listError = errorText(listNode?.message ?? listNode?.root?.message)
  return (
    <>
      <fieldset aria-labelledby={`${idPrefix}-contacts-title`}>
        <h3 id={`${idPrefix}-contacts-title`}>{t('settings.contacts')}</h3>
        <p className="hint">{t('settings.contactsHint')}</p>
        {rows.fields.map((f, i) => (
          <Row key={f.id} gutter={12} align="top" role="group" aria-label={t('settings.contactN', { n: i + 1 })}>
            <Col xs={24} md={7}>
              <TextField
                control={c}
                name={name(`managerContacts.${i}.name`)}
                id={`${idPrefix}-contact-${i}-name`}
                label={t('settings.contactName')}
                required
              />
            </Col>
            <Col xs={24} md={6}>
              <TextField
                control={c}
                name={name(`managerContacts.${i}.role`)}
                id={`${idPrefix}-contact-${i}-role`}
                label={t('settings.contactRole')}
              />
            </Col>
            <Col xs={24} md={7}>
              <TextField
                control={c}
                name={name(`managerContacts.${i}.phone`)}
                id={`${idPrefix}-contact-${i}-phone`}
                label={t('settings.contactPhone')}
                inputMode="tel"
                required
              />
            </Col>
            <Col xs={24} md={4}>
              <Form.Item label=" " colon={false} layout="vertical">
                <Button
                  htmlType="button"
                  disabled={rows.fields.length === 1}
                  onClick={() => rows.remove(i)}
                  aria-label={t('settings.removeContact', { n: i + 1 })}
                >
                  {t('settings.remove')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        ))}
        {listError && (
          <div className="ant-form-item-explain-error" role="alert" id={`${idPrefix}-contacts-error`}>
            {listError}
          </div>
        )}
        <Button htmlType="button" onClick={() => rows.append({ ...EMPTY_CONTACT })} disabled={rows.fields.length >= 20}>
          {t('settings.addContact')}
        </Button>
      </fieldset>
      <Row gutter={12} style={{ marginTop: 16 }}>
        <Col xs={24} md={10}>
          <TextField
            control={c}
            name={name('serviceContact')}
            id={`${idPrefix}-service-phone`}
            label={t('settings.serviceContact')}
            hint={t('settings.serviceContactHint')}
            inputMode="tel"
            required
          />
        </Col>
      </Row>
    </>
  )
}

const ContactsInput = BranchContacts.extend({ approval: ManagerApproval })
type ContactsInput = z.input<typeof ContactsInput>

/** 设置 → 通用: the contacts and service phone, saved on their own with a manager's approval. */
export function ContactsForm({
  settings,
  managers,
  onSaved,
}: {
  settings: WorkflowSettings
  managers: StaffPublic[]
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const { success } = useFeedback()
  const approval = NO_APPROVAL
  const initial = (s: WorkflowSettings, a: ContactsInput['approval']): ContactsInput => ({
    managerContacts: s.managerContacts.length
      ? s.managerContacts.map((m) => ({ name: m.name, role: m.role, phone: m.phone }))
      : [{ ...EMPTY_CONTACT }],
    serviceContact: s.serviceContact,
    approval: a,
  })
  const form = useForm<ContactsInput>({
    resolver: zodResolver(ContactsInput) as unknown as Resolver<ContactsInput>,
    defaultValues: initial(settings, approval),
  })
  const changed = typedChanges(form.formState.dirtyFields)
  useUnsavedGuard(changed)
  const refusal = form.formState.errors.root?.server?.message
  const title = t('settings.contactsTitle')
  const submit = form.handleSubmit(async (v) => {
    const result = await api['settings:setContacts'](v as z.output<typeof ContactsInput>)
    if (!result.ok) return showRefusal(result.error, form)
    form.reset(initial(result.data, { ...v.approval, pin: approval.pin }))
    success(t('settings.contactsSaved'))
    onSaved()
  })
  return (
    <Card title={<h2 className="card-title">{title}</h2>} size="small">
      <Form component={false}>
        <form onSubmit={submit} noValidate aria-label={title}>
          <ContactFields control={form.control} prefix="" idPrefix="settings" />
          <ApprovalFields control={form.control} managers={managers} idPrefix="contacts" />
          {refusal && <Alert type="error" showIcon role="alert" message={refusal} />}
          <Space className="form-actions">
            <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
              {t('actions.save')}
            </Button>
          </Space>
        </form>
      </Form>
    </Card>
  )
}
