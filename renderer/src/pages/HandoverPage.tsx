import { ClassTag, StatusTag } from '../ui/tags'
import { useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, InputNumber, Table, Tag, Typography } from 'antd'
import type { z } from 'zod'
import type { Handover } from '@shared/schemas/handover'
import { HANDOVER_WINDOW_HOURS, SubmitHandoverInput } from '@shared/schemas/handover'
import type { CaseSummary } from '@shared/schemas/case'
import type { StaffPublic } from '@shared/schemas/staff'
import type { Commitment } from '@shared/schemas/workflow'
import { ownerText } from '@shared/i18n/owner'
import { useApi } from '../apiContext'
import { FileButton } from '../components/FileButton'
import { useLoad } from '../hooks/useLoad'
import { applyServerError } from '../hooks/serverErrors'
import { formatDateTime } from '../format'
import { PinField, SelectField, TextAreaField } from '../ui/fields'
import { useFeedback } from '../ui/feedback'
import { useUnsavedGuard } from '../ui/unsaved'

/** The sign-off form: what the outgoing clerk writes and the incoming clerk's own PIN (the window is chosen above it). */
const SignOff = SubmitHandoverInput.omit({ hours: true })
type SignOff = z.input<typeof SignOff>
const EMPTY: SignOff = { notes: '', incoming: { staffId: '', pin: '' } }

/** 交接班: what the next shift takes over, notes, and the incoming clerk's sign-off with their PIN. */
export function HandoverPage({ signedIn, onOpen }: { signedIn: StaffPublic; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const feedback = useFeedback()
  const [hours, setHours] = useState(HANDOVER_WINDOW_HOURS)
  const snapshot = useLoad(() => api['handover:prepare']({ hours }), [hours], true)
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const history = useLoad(() => api['handover:list'](), [])
  const [signed, setSigned] = useState<Handover | null>(null)
  const [banner, setBanner] = useState<string | null>(null)
  const form = useForm<SignOff>({ resolver: zodResolver(SignOff), defaultValues: EMPTY })
  useUnsavedGuard(form.formState.isDirty)
  const submit = form.handleSubmit(async (v) => {
    setBanner(null)
    const result = await api['handover:submit']({ hours, ...v })
    form.resetField('incoming.pin')
    if (!result.ok) {
      applyServerError(result.error, form.setError)
      // A wrong or locked PIN is the PIN field's error; anything else without a field goes above the form.
      if (result.error.code === 'WRONG_PIN' || result.error.code === 'LOCKED')
        form.setError('incoming.pin', { type: 'server', message: result.error.message }, { shouldFocus: true })
      else if (!result.error.issues?.length) setBanner(result.error.message)
      return
    }
    const names = { outgoing: result.data.outgoing.name, incoming: result.data.incoming.name }
    feedback.success(t('handover.signed', names))
    setSigned(result.data)
    form.reset(EMPTY)
    history.reload()
  })
  const print = (id: string) => () => api['reports:handoverSheet']({ id })
  const others = staff.state === 'ready' ? staff.data.filter((s) => s.id !== signedIn.id) : []

  return (
    <section className="page handover" aria-labelledby="handover-title">
      <header className="page-header">
        <h1 id="handover-title">{t('handover.title')}</h1>
      </header>
      <Typography.Paragraph type="secondary">{t('handover.intro')}</Typography.Paragraph>
      {signed && (
        <Alert
          type="success"
          role="status"
          showIcon
          className="handover-signed"
          title={t('handover.signedAt', {
            outgoing: signed.outgoing.name,
            incoming: signed.incoming.name,
            at: formatDateTime(signed.at),
          })}
          action={<FileButton label={t('handover.print')} make={print(signed.id)} />}
        />
      )}
      <Card size="small" className="handover-window">
        <label htmlFor="ho-hours" className="inline-label">
          {t('handover.hours')}
        </label>{' '}
        <InputNumber
          id="ho-hours"
          min={1}
          max={72}
          precision={0}
          value={hours}
          onChange={(v) => setHours(Math.min(72, Math.max(1, Math.round(Number(v) || 1))))}
        />
      </Card>
      {snapshot.state === 'loading' && (
        <Typography.Paragraph type="secondary" role="status">
          {t('app.loading')}
        </Typography.Paragraph>
      )}
      {snapshot.state === 'error' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('handover.loadFailed', { message: snapshot.error.message })}
          action={<Button onClick={snapshot.reload}>{t('actions.retry')}</Button>}
        />
      )}
      {snapshot.state === 'ready' && (
        <>
          <Section id="ho-esc" title={t('handover.escalations')} urgent={snapshot.data.escalations.length > 0}>
            <CaseTable
              rows={snapshot.data.escalations}
              empty={t('home.noEscalations')}
              onOpen={onOpen}
              label={t('handover.escalations')}
            />
          </Section>
          <Section id="ho-due" title={t('handover.commitmentsDue', { hours })}>
            <CommitmentTable rows={snapshot.data.commitmentsDue} onOpen={onOpen} />
          </Section>
          <Section id="ho-open" title={t('handover.openCases', { count: snapshot.data.openCases.length })}>
            <CaseTable
              rows={snapshot.data.openCases}
              empty={t('handover.noOpenCases')}
              onOpen={onOpen}
              label={t('handover.openCases', { count: snapshot.data.openCases.length })}
            />
          </Section>
        </>
      )}
      <section aria-labelledby="ho-sign">
        <Card size="small" title={<h2 id="ho-sign">{t('handover.signOff')}</h2>}>
          <form className="handover-form" onSubmit={submit} noValidate aria-labelledby="ho-sign">
            {banner && <Alert type="error" showIcon role="alert" title={banner} />}
            <TextAreaField
              control={form.control}
              name="notes"
              id="ho-notes"
              label={t('handover.notes')}
              rows={3}
              max={1000}
            />
            <div className="handover-signer">
              <SelectField
                control={form.control}
                name="incoming.staffId"
                id="ho-incoming"
                label={t('handover.incoming')}
                required
                options={others.map((s) => ({ value: s.id, label: s.name }))}
              />
              <PinField
                control={form.control}
                name="incoming.pin"
                id="ho-pin"
                label={t('handover.incomingPin')}
                required
              />
            </div>
            <div className="actions">
              <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
                {t('handover.signOff')}
              </Button>
            </div>
          </form>
        </Card>
      </section>
      <Section id="ho-history" title={t('handover.history')}>
        {history.state === 'error' ? (
          <Alert type="error" showIcon role="alert" title={history.error.message} />
        ) : history.state === 'loading' ? (
          <Empty text={t('app.loading')} />
        ) : history.data.length === 0 ? (
          <Empty text={t('handover.none')} />
        ) : (
          <Table<Handover>
            size="small"
            rowKey="id"
            dataSource={history.data}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('handover.none') }}
            aria-label={t('handover.history')}
            columns={[
              { title: t('handover.at'), dataIndex: 'at', width: 160, render: (at: string) => formatDateTime(at) },
              {
                title: t('handover.who'),
                key: 'who',
                width: 200,
                render: (_, h) => `${h.outgoing.name} → ${h.incoming.name}`,
              },
              {
                title: t('handover.openCount'),
                key: 'open',
                width: 110,
                align: 'right',
                render: (_, h) => h.snapshot.openCases.length,
              },
              {
                title: t('handover.notes'),
                dataIndex: 'notes',
                ellipsis: true,
                render: (notes: string) => notes || '—',
              },
              {
                title: t('handover.sheet'),
                key: 'print',
                width: 160,
                render: (_, h) => <FileButton label={t('handover.print')} make={print(h.id)} size="small" />,
              },
            ]}
          />
        )}
      </Section>
    </section>
  )
}

/** An empty part of the sheet says so in one line (no table of headers around nothing). */
function Empty({ text }: { text: string }) {
  return <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>
}

function Section({
  id,
  title,
  urgent,
  children,
}: {
  id: string
  title: string
  urgent?: boolean
  children: ReactNode
}) {
  return (
    <section aria-labelledby={id}>
      <Card size="small" title={<h2 id={id}>{title}</h2>} className={urgent ? 'home-card-urgent' : undefined}>
        {children}
      </Card>
    </section>
  )
}

function CaseLink({ c, onOpen }: { c: Pick<CaseSummary, 'id' | 'number'>; onOpen: (id: string) => void }) {
  return (
    <Button type="link" className="case-link" onClick={() => onOpen(c.id)}>
      {c.number}
    </Button>
  )
}

/** Cases as the sheet lists them: number, status, class, customer and masked phone, category, owner. */
function CaseTable({
  rows,
  empty,
  label,
  onOpen,
}: {
  rows: CaseSummary[]
  empty: string
  label: string
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation()
  if (rows.length === 0) return <Empty text={empty} />
  return (
    <Table<CaseSummary>
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: empty }}
      aria-label={label}
      columns={[
        { title: t('fields.number'), key: 'number', width: 190, render: (_, c) => <CaseLink c={c} onOpen={onOpen} /> },
        {
          title: t('fields.status'),
          key: 'status',
          width: 150,
          render: (_, c) => (
            <>
              <StatusTag status={c.status} />
              <ClassTag caseClass={c.caseClass} />
            </>
          ),
        },
        { title: t('fields.customerName'), key: 'customer', render: (_, c) => `${c.customerName} ${c.phoneMasked}` },
        { title: t('fields.category'), key: 'category', render: (_, c) => t(`options.category.${c.category}`) },
        { title: t('owner.owner'), key: 'owner', render: (_, c) => ownerText(t, c) },
      ]}
    />
  )
}

type CommitmentRow = { case: CaseSummary; commitment: Commitment }

/** Promises due in the window or already late (late ones marked), soonest first. */
function CommitmentTable({ rows, onOpen }: { rows: CommitmentRow[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const now = Date.now()
  if (rows.length === 0) return <Empty text={t('handover.noCommitments')} />
  return (
    <Table<CommitmentRow>
      size="small"
      rowKey={(r) => r.commitment.id}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('handover.noCommitments') }}
      aria-label={t('handover.commitmentsTable')}
      columns={[
        {
          title: t('fields.number'),
          key: 'number',
          width: 190,
          render: (_, r) => <CaseLink c={r.case} onOpen={onOpen} />,
        },
        { title: t('handover.what'), key: 'what', render: (_, r) => <strong>{r.commitment.what}</strong> },
        {
          title: t('handover.due'),
          key: 'due',
          width: 220,
          render: (_, r) => (
            <>
              {formatDateTime(r.commitment.dueAt)}{' '}
              {Date.parse(r.commitment.dueAt) < now && <Tag color="red">{t('handover.overdue')}</Tag>}
            </>
          ),
        },
        { title: t('handover.owner'), key: 'owner', width: 120, render: (_, r) => r.commitment.owner },
        {
          title: t('fields.customerName'),
          key: 'customer',
          render: (_, r) => `${r.case.customerName} ${r.case.phoneMasked}`,
        },
      ]}
    />
  )
}
