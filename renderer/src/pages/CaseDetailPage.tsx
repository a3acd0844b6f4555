import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Badge, Button, Skeleton, Tabs } from 'antd'
import type { CaseDetail } from '@shared/schemas/case'
import type { Result } from '@shared/ipc/result'
import type { StaffPublic } from '@shared/schemas/staff'
import type { CaseAction } from '@shared/rules/lifecycle'
import { CompensationPanel } from '../case/CompensationPanel'
import { CommitmentsPanel } from '../case/CommitmentsPanel'
import { EscalationCard } from '../case/EscalationCard'
import { LastrPanel } from '../case/LastrPanel'
import { PdfButton } from '../case/PdfButton'
import { NotesPanel } from '../case/NotesPanel'
import { AttachmentsPanel } from '../case/AttachmentsPanel'
import { OwnerLine } from '../case/OwnerPanel'
import { CaseHeader } from '../case/CaseHeader'
import { CaseFacts } from '../case/CaseFacts'
import { CaseTimeline } from '../case/CaseTimeline'
import { NextActionCard } from '../case/NextActionCard'
import { ActionDrawer, ActionsCard } from '../case/ActionsCard'
import type { CasePanelProps } from '../case/caseActions'
import { useApi } from '../apiContext'
import { useLoad } from '../hooks/useLoad'
import { useFeedback } from '../ui/feedback'
import '../case/caseWorkspace.css'

type TabKey = 'lastr' | 'compensation' | 'commitments' | 'attachments' | 'notes'

/**
 * The case workspace (issue 14): a sticky header (where the case stands), the customer's
 * facts first, the one next action beside them, every other action in a drawer, the handling
 * panels in tabs and the timeline.
 */
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
  const feedback = useFeedback()
  const load = useLoad(() => api['cases:get']({ id }), [id])
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const settings = useLoad(() => api['settings:get'](), [])
  const [current, setCurrent] = useState<CaseDetail | null>(null)
  const [drawer, setDrawer] = useState<CaseAction | null>(null)
  const [tab, setTab] = useState<TabKey>('lastr')
  // Depend on the loaded data itself: `load` is a new object every render.
  const loaded = load.state === 'ready' ? load.data : null
  useEffect(() => setCurrent(loaded), [loaded])
  const act = async (call: Promise<Result<CaseDetail>>, success?: string) => {
    const result = await call
    if (result.ok) {
      setCurrent(result.data)
      if (success) feedback.success(success)
    }
    return result
  }
  const managers = staff.state === 'ready' ? staff.data.filter((s) => s.role === 'manager') : []
  const panel: Omit<CasePanelProps, 'c'> | null =
    settings.state === 'ready' && staff.state === 'ready'
      ? {
          act,
          managers,
          // The signed-in manager approves; a clerk's branch with one manager has them chosen already.
          defaultApprover: signedIn.role === 'manager' ? signedIn.id : managers.length === 1 ? managers[0].id : '',
          settings: settings.data,
          lang: i18n.language === 'en' ? 'en' : 'zh',
          viewer: { role: signedIn.role },
        }
      : null
  const back = <Button onClick={onBack}>{t('actions.back')}</Button>

  if (load.state === 'error')
    return (
      <section className="page case-page" aria-labelledby="detail-title">
        <h1 id="detail-title">{t('detail.title')}</h1>
        <Alert
          type="error"
          showIcon
          role="alert"
          title={load.error.code === 'NOT_FOUND' ? t('detail.notFound') : load.error.message}
          action={back}
        />
      </section>
    )
  if (!current || !panel)
    return (
      <section className="page case-page" aria-labelledby="detail-title" aria-busy="true">
        <h1 id="detail-title">{t('detail.title')}</h1>
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
        <Skeleton active />
      </section>
    )

  const props: CasePanelProps = { c: current, ...panel }
  const w = current.workflow
  const openCommitments = w.commitments.filter((m) => m.status === 'open').length
  const count = (n: number) => (n > 0 ? <Badge count={n} size="small" color="#595959" /> : null)
  const tabs = [
    { key: 'lastr', label: t('detail.tabs.lastr'), children: <LastrPanel {...props} /> },
    {
      key: 'compensation',
      label: (
        <span>
          {t('detail.tabs.compensation')} {count(w.offers.length)}
        </span>
      ),
      children: <CompensationPanel {...props} />,
    },
    {
      key: 'commitments',
      label: (
        <span>
          {t('detail.tabs.commitments')} {count(openCommitments)}
        </span>
      ),
      children: <CommitmentsPanel {...props} onOpen={setDrawer} />,
    },
    {
      key: 'attachments',
      label: (
        <span>
          {t('detail.tabs.attachments')} {count(w.attachments.filter((a) => !a.voided).length)}
        </span>
      ),
      children: <AttachmentsPanel {...props} />,
    },
    {
      key: 'notes',
      label: (
        <span>
          {t('detail.tabs.notes')} {count(w.notes.length + w.customerUpdates.length)}
        </span>
      ),
      children: <NotesPanel {...props} onOpen={setDrawer} />,
    },
  ]
  return (
    <section className="page case-page" aria-labelledby="detail-title">
      <CaseHeader
        c={current}
        settings={panel.settings}
        owner={<OwnerLine {...props} onAssign={() => setDrawer('assign')} />}
        actions={
          <>
            <PdfButton label={t('pdf.receipt.print')} make={() => api['reports:caseReceipt']({ id: current.id })} />
            {back}
          </>
        }
      />
      {/* The number the clerk tells the customer: it stays until closed or the page is left. */}
      {savedNotice && <Alert type="success" showIcon closable className="case-saved" title={savedNotice} />}
      <EscalationCard {...props} />
      <div className="case-grid">
        <div className="case-main">
          <CaseFacts c={current} />
          <div id="case-tabs-anchor" />
          <Tabs
            className="case-tabs"
            activeKey={tab}
            onChange={(k) => setTab(k as TabKey)}
            items={tabs}
            aria-label={t('detail.tabsLabel')}
          />
        </div>
        <div className="case-side">
          <NextActionCard {...props} />
          <ActionsCard
            {...props}
            onOpen={setDrawer}
            onOffer={() => {
              setTab('compensation')
              document.getElementById('case-tabs-anchor')?.scrollIntoView({ behavior: 'smooth', block: 'start' })
            }}
          />
          <CaseTimeline c={current} />
        </div>
      </div>
      <ActionDrawer {...props} action={drawer} onClose={() => setDrawer(null)} />
    </section>
  )
}
