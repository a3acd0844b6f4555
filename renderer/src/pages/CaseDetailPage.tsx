import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '@shared/schemas/case'
import type { Result } from '@shared/ipc/result'
import type { StaffPublic } from '@shared/schemas/staff'
import { ClassPanel } from '../case/ClassPanel'
import { CompensationPanel } from '../case/CompensationPanel'
import { CommitmentsPanel } from '../case/CommitmentsPanel'
import { EscalationCard } from '../case/EscalationCard'
import { LastrPanel } from '../case/LastrPanel'
import { LoopPanel } from '../case/LoopPanel'
import { PdfButton } from '../case/PdfButton'
import { CorrectionsPanel } from '../case/CorrectionsPanel'
import { NotesPanel } from '../case/NotesPanel'
import { AttachmentsPanel } from '../case/AttachmentsPanel'
import { OwnerPanel } from '../case/OwnerPanel'
import { TimelineChanges } from '../case/TimelineChanges'
import type { CasePanelProps } from '../case/caseActions'
import { formatFen } from '@shared/values/money'
import { lossText } from '@shared/i18n/amounts'
import { effectiveLoss } from '@shared/rules/amounts'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { FieldRows } from '../components/FieldRows'
import { useLoad } from '../hooks/useLoad'
import { formatDateTime } from '../format'

export function CaseDetailPage({
  id,
  savedNotice,
  onBack,
  signedIn,
}: {
  id: string
  savedNotice?: string
  onBack: () => void
  signedIn: StaffPublic
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const load = useLoad(() => api['cases:get']({ id }), [id])
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const settings = useLoad(() => api['settings:get'](), [])
  const [current, setCurrent] = useState<CaseDetail | null>(null)
  // Depend on the loaded data itself: `load` is a new object every render.
  const loaded = load.state === 'ready' ? load.data : null
  useEffect(() => setCurrent(loaded), [loaded])
  const act = async (call: Promise<Result<CaseDetail>>) => {
    const result = await call
    if (result.ok) setCurrent(result.data)
    return result
  }
  const panel: Omit<CasePanelProps, 'c'> | null =
    settings.state === 'ready' && staff.state === 'ready'
      ? {
          act,
          managers: staff.data.filter((s) => s.role === 'manager'),
          defaultApprover: signedIn.role === 'manager' ? signedIn.id : '',
          settings: settings.data,
          lang: i18n.language === 'en' ? 'en' : 'zh',
          viewer: { role: signedIn.role },
        }
      : null
  return (
    <section className="page" aria-labelledby="detail-title">
      <header className="page-header">
        <h1 id="detail-title">
          {t('detail.title')}
          {current && <span className="mono title-number"> {current.number}</span>}
        </h1>
        <div className="actions">
          {current && (
            <PdfButton label={t('pdf.receipt.print')} make={() => api['reports:caseReceipt']({ id: current.id })} />
          )}
          <button type="button" onClick={onBack}>
            {t('actions.back')}
          </button>
        </div>
      </header>
      {savedNotice && <Notice kind="success">{savedNotice}</Notice>}
      {load.state === 'loading' && (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {load.state === 'error' && (
        <Notice kind="error">{load.error.code === 'NOT_FOUND' ? t('detail.notFound') : load.error.message}</Notice>
      )}
      {current && panel && current.flags.escalated && <EscalationCard c={current} {...panel} />}
      {current && panel && <OwnerPanel c={current} {...panel} />}
      {current && (
        <div className="detail-layout">
          <div>
            {panel && <LoopPanel c={current} {...panel} />}
            {panel && <ClassPanel c={current} {...panel} />}
            {panel && <CompensationPanel c={current} {...panel} />}
            {panel && <LastrPanel c={current} {...panel} />}
            <CaseFields c={current} />
            {panel && <CorrectionsPanel c={current} {...panel} />}
          </div>
          <div>
            {panel && <CommitmentsPanel c={current} {...panel} />}
            {panel && <AttachmentsPanel c={current} {...panel} />}
            {panel && <NotesPanel c={current} {...panel} />}
            <Timeline c={current} />
          </div>
        </div>
      )}
    </section>
  )
}

function CaseFields({ c }: { c: CaseDetail }) {
  const { t } = useTranslation()
  const none = t('detail.none')
  const rows: [string, string][] = [
    [t('fields.number'), c.number],
    [t('fields.status'), t(`options.status.${c.status}`)],
    [t('fields.caseClass'), t(`options.caseClass.${c.caseClass ?? 'none'}`)],
    [t('fields.receivedAt'), formatDateTime(c.receivedAt)],
    [t('fields.channel'), t(`options.channel.${c.channel}`)],
    [t('fields.customerName'), c.customerName],
    [t('fields.phone'), c.phone || none],
    [t('fields.customerType'), t(`options.customerType.${c.customerType}`)],
    [t('fields.customerStyle'), c.customerStyle ? t(`options.customerStyle.${c.customerStyle}`) : t('intake.notSet')],
    [t('fields.mood'), t(`options.mood.${c.mood}`)],
    [t('fields.department'), c.departmentName],
    [t('fields.category'), t(`options.category.${c.category}`)],
    [t('fields.cause'), c.cause ? t(`options.cause.${c.cause}`) : none],
    [t('fields.product'), c.product || none],
    [t('fields.amount'), c.amountFen === null ? t('detail.amountNone') : `¥${formatFen(c.amountFen)}`],
    [t('fields.lossAmount'), lossText(t, effectiveLoss(c))],
    [t('fields.claimAmount'), c.claimFen === null ? t('detail.amountNone') : `¥${formatFen(c.claimFen)}`],
    [t('fields.receiptNo'), c.receiptNo || none],
    [t('fields.demand'), t(`options.demand.${c.demand}`)],
    [t('fields.demandNote'), c.demandNote || none],
    [t('fields.customerWords'), c.customerWords ? `“${c.customerWords}”` : none],
    [
      t('fields.situations'),
      c.situations.length ? c.situations.map((s) => t(`options.situations.${s}`)).join('、') : none,
    ],
    [t('fields.fault'), t(`options.fault.${c.fault}`)],
    [t('fields.resolvedAtDesk'), t(`options.resolvedAtDesk.${c.resolvedAtDesk}`)],
    [t('fields.staff'), c.createdBy.name],
    [t('fields.createdAt'), formatDateTime(c.createdAt)],
  ]
  return (
    <section className="card" aria-labelledby="fields-title">
      <h2 id="fields-title">{t('detail.fields')}</h2>
      <div>
        <FieldRows rows={rows} className="fields" />
        <h2>{t('fields.description')}</h2>
        <p className="description">{c.description}</p>
      </div>
    </section>
  )
}

function Timeline({ c }: { c: CaseDetail }) {
  const { t } = useTranslation()
  return (
    <aside className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('detail.timeline')}</h2>
      <ol className="timeline">
        {c.timeline.map((entry, i) => (
          <li key={i}>
            <time className="mono">{formatDateTime(entry.at)}</time>
            <span className="who">{entry.by.name}</span>
            <span>{t(`timeline.${entry.action}`, { defaultValue: entry.action })}</span>
            {entry.detail && <p className="muted">{entry.detail}</p>}
            {entry.changes && <TimelineChanges changes={entry.changes} />}
          </li>
        ))}
      </ol>
    </aside>
  )
}
