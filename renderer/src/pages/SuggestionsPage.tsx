import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Col, Modal, Row, Tag, Typography } from 'antd'
import type { z } from 'zod'
import { CHANNELS } from '@shared/values/options'
import {
  ReplySuggestionInput,
  SUGGESTION_KINDS,
  SUGGESTION_LIMITS,
  SuggestionDraft,
  VoidSuggestionInput,
  type SuggestionView,
} from '@shared/schemas/suggestion'
import { toLocalDateTime } from '@shared/values/localTime'
import { maskPhone } from '@shared/values/phone'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { useLoad } from '../hooks/useLoad'
import { applyServerError } from '../hooks/serverErrors'
import { formatDateTime } from '../format'
import { ChoiceField, DateTimeField, SelectField, TextAreaField, TextField } from '../ui/fields'
import { useFeedback } from '../ui/feedback'
import { useUnsavedGuard } from '../ui/unsaved'

type Draft = z.input<typeof SuggestionDraft>
const blank = (): Draft => ({
  receivedAt: toLocalDateTime(new Date()),
  kind: 'suggestion',
  channel: 'counter',
  customerName: '',
  phone: '',
  departmentId: '',
  text: '',
})

/**
 * 建议/意见 (docs/domain.md §3a): a customer's suggestion or opinion, recorded and thanked for,
 * answered, never counted as a complaint.
 */
export function SuggestionsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const feedback = useFeedback()
  const list = useLoad(() => api['suggestions:list'](), [])
  const departments = useLoad(() => api['departments:list'](), [])
  const [thank, setThank] = useState<string | null>(null)
  const [banner, setBanner] = useState<string | null>(null)
  const form = useForm<Draft>({ resolver: zodResolver(SuggestionDraft), defaultValues: blank() })
  useUnsavedGuard(form.formState.isDirty)
  const options = (values: readonly string[], key: string) =>
    values.map((value) => ({ value, label: t(`${key}.${value}`) }))
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    const result = await api['suggestions:create'](values)
    if (!result.ok) {
      applyServerError(result.error, form.setError)
      if (!result.error.issues?.length) setBanner(result.error.message)
      return
    }
    feedback.success(t('suggestions.savedToast', { number: result.data.number }))
    setThank(result.data.number)
    form.reset(blank())
    list.reload()
  })
  const control = form.control
  return (
    <section className="page suggestions-page" aria-labelledby="suggestions-title">
      <header className="page-header">
        <h1 id="suggestions-title">{t('suggestions.title')}</h1>
      </header>
      <Typography.Paragraph type="secondary">{t('suggestions.intro')}</Typography.Paragraph>
      {thank && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setThank(null) }}
          title={t('suggestions.saved', { number: thank })}
        />
      )}
      <section aria-labelledby="suggestion-title">
        <Card title={<h2 id="suggestion-title">{t('suggestions.new')}</h2>}>
          <form onSubmit={submit} noValidate aria-labelledby="suggestion-title">
            {banner && <Alert type="error" showIcon role="alert" title={banner} />}
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <ChoiceField
                  control={control}
                  name="kind"
                  id="suggestion-kind"
                  label={t('suggestions.kind')}
                  required
                  options={options(SUGGESTION_KINDS, 'suggestions.kinds')}
                />
              </Col>
              <Col xs={24} md={8}>
                <DateTimeField
                  control={control}
                  name="receivedAt"
                  id="suggestion-receivedAt"
                  label={t('fields.receivedAt')}
                  required
                />
              </Col>
              <Col xs={24} md={8}>
                <SelectField
                  control={control}
                  name="channel"
                  id="suggestion-channel"
                  label={t('fields.channel')}
                  required
                  options={options(CHANNELS, 'options.channel')}
                />
              </Col>
              <Col xs={24} md={8}>
                <TextField
                  control={control}
                  name="customerName"
                  id="suggestion-customerName"
                  label={t('fields.customerName')}
                  hint={t('suggestions.anonymous')}
                />
              </Col>
              <Col xs={24} md={8}>
                <TextField
                  control={control}
                  name="phone"
                  id="suggestion-phone"
                  label={t('fields.phone')}
                  hint={t('hints.phone')}
                  inputMode="tel"
                />
              </Col>
              <Col xs={24} md={8}>
                <SelectField
                  control={control}
                  name="departmentId"
                  id="suggestion-departmentId"
                  label={t('fields.department')}
                  hint={t('suggestions.wholeBranch')}
                  allowClear
                  options={
                    departments.state === 'ready'
                      ? departments.data.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))
                      : []
                  }
                />
              </Col>
              <Col xs={24}>
                <TextAreaField
                  control={control}
                  name="text"
                  id="suggestion-text"
                  label={t('suggestions.text')}
                  required
                  rows={3}
                  max={SUGGESTION_LIMITS.text}
                />
              </Col>
            </Row>
            <div className="actions">
              <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
                {t('suggestions.save')}
              </Button>
            </div>
          </form>
        </Card>
      </section>
      <section aria-labelledby="suggestions-list-title">
        <Card title={<h2 id="suggestions-list-title">{t('suggestions.list')}</h2>}>
          {list.state === 'loading' && (
            <Typography.Paragraph type="secondary" role="status">
              {t('app.loading')}
            </Typography.Paragraph>
          )}
          {list.state === 'error' && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('suggestions.loadFailed', { message: list.error.message })}
              action={<Button onClick={list.reload}>{t('actions.retry')}</Button>}
            />
          )}
          {list.state === 'ready' && list.data.length === 0 && (
            <Typography.Paragraph className="empty" type="secondary">
              {t('suggestions.none')}
            </Typography.Paragraph>
          )}
          {list.state === 'ready' && list.data.length > 0 && (
            <ul className="suggestion-list">
              {list.data.map((s) => (
                <SuggestionItem key={s.id} s={s} onChanged={list.reload} />
              ))}
            </ul>
          )}
        </Card>
      </section>
    </section>
  )
}

function SuggestionItem({ s, onChanged }: { s: SuggestionView; onChanged: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const feedback = useFeedback()
  const [replying, setReplying] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const who = [s.customerName || t('suggestions.anonymousName'), s.phone ? maskPhone(s.phone) : ''].filter(Boolean)
  return (
    <li className={s.voided ? 'voided' : undefined} aria-label={s.number}>
      <div className="suggestion-head">
        <span>
          <strong>{s.number}</strong>{' '}
          <Tag color={s.kind === 'opinion' ? 'orange' : 'blue'}>{t(`suggestions.kinds.${s.kind}`)}</Tag>
          {s.voided && <Tag>{t('suggestions.voidedTag')}</Tag>}{' '}
          <Typography.Text type="secondary">
            {formatDateTime(s.receivedAt)} · {t(`options.channel.${s.channel}`)} · {who.join(' ')}
            {s.departmentName ? ` · ${s.departmentName}` : ''}
          </Typography.Text>
        </span>
        {!s.voided && (
          <span className="suggestion-actions">
            <Button size="small" onClick={() => setReplying((r) => !r)} aria-expanded={replying}>
              {s.reply ? t('suggestions.replyAgain') : t('suggestions.reply')}
            </Button>
            <Button size="small" danger onClick={() => setVoiding(true)}>
              {t('suggestions.void')}
            </Button>
          </span>
        )}
      </div>
      <p className="suggestion-text">{s.text}</p>
      {s.reply && (
        <Typography.Paragraph type="secondary">
          {t('suggestions.replyLine', { by: s.reply.by.name, at: formatDateTime(s.reply.at), text: s.reply.text })}
        </Typography.Paragraph>
      )}
      {s.voided && (
        <Typography.Paragraph type="secondary">
          {t('suggestions.voidedLine', {
            by: s.voided.by.name,
            at: formatDateTime(s.voided.at),
            reason: s.voided.reason,
          })}
        </Typography.Paragraph>
      )}
      {replying && (
        <MiniForm
          id={`reply-${s.id}`}
          title={t('suggestions.reply')}
          schema={ReplySuggestionInput}
          defaults={{ id: s.id, text: s.reply?.text ?? '' }}
          fields={[
            { name: 'text', label: t('suggestions.replyText'), kind: 'textarea', hint: t('suggestions.replyHint') },
          ]}
          submitLabel={t('actions.save')}
          onSubmit={async (values) => {
            const result = await api['suggestions:reply'](values)
            if (result.ok) feedback.success(t('suggestions.replied', { number: s.number }))
            return result
          }}
          onDone={() => {
            setReplying(false)
            onChanged()
          }}
          onCancel={() => setReplying(false)}
        />
      )}
      {voiding && (
        <VoidDialog
          s={s}
          onClose={() => setVoiding(false)}
          onVoided={() => {
            setVoiding(false)
            feedback.success(t('suggestions.voided', { number: s.number }))
            onChanged()
          }}
        />
      )}
    </li>
  )
}

type VoidValues = z.input<typeof VoidSuggestionInput>

/** 作废 asks first, in red, with the reason it needs (a suggestion is never deleted). */
function VoidDialog({ s, onClose, onVoided }: { s: SuggestionView; onClose: () => void; onVoided: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [banner, setBanner] = useState<string | null>(null)
  const form = useForm<VoidValues>({
    resolver: zodResolver(VoidSuggestionInput),
    defaultValues: { id: s.id, reason: '' },
  })
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    const result = await api['suggestions:void'](values)
    if (result.ok) return onVoided()
    applyServerError(result.error, form.setError)
    if (!result.error.issues?.length) setBanner(result.error.message)
  })
  const formId = `void-${s.id}`
  return (
    <Modal
      open
      title={t('suggestions.voidTitle', { number: s.number })}
      okText={t('suggestions.void')}
      okButtonProps={{ danger: true, htmlType: 'submit', form: formId, loading: form.formState.isSubmitting }}
      cancelText={t('actions.cancel')}
      onCancel={onClose}
      destroyOnHidden
      getContainer={() => document.querySelector('main') ?? document.body}
    >
      <form id={formId} onSubmit={submit} noValidate aria-label={t('suggestions.voidTitle', { number: s.number })}>
        <Typography.Paragraph>{t('suggestions.voidIntro')}</Typography.Paragraph>
        {banner && <Alert type="error" showIcon role="alert" title={banner} />}
        <TextField
          control={form.control}
          name="reason"
          id={`${formId}-reason`}
          label={t('suggestions.voidReason')}
          required
          maxLength={SUGGESTION_LIMITS.reason}
        />
      </form>
    </Modal>
  )
}
