import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Col, Row, Statistic, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import relativeTime from 'dayjs/plugin/relativeTime'
import type { CaseSummary } from '@shared/schemas/case'
import type { HomeSummary, LastHandover as LastHandoverData } from '@shared/schemas/home'
import type { Commitment } from '@shared/schemas/workflow'
import { ownerText } from '@shared/i18n/owner'
import type { ListFilter } from '../App'
import { useApi } from '../apiContext'
import { useLoad } from '../hooks/useLoad'
import { formatDateTime } from '../format'
import { OverdueBadges } from '../components/OverdueBadges'
import { SetupChecklist } from './SetupChecklist'
import type { SettingsTab } from './SettingsPage'

dayjs.extend(relativeTime)

type Tone = 'alarm' | 'neutral'

/**
 * A number that opens what it counts. Alarm red only when something is there and it is
 * urgent or overdue: a zero is never red.
 */
function Tile(props: { id: string; label: string; count: number; alarm?: boolean; hint: string; onOpen: () => void }) {
  const tone: Tone = props.alarm && props.count > 0 ? 'alarm' : 'neutral'
  return (
    <a
      className={`home-tile home-tile-${tone}`}
      data-tone={tone}
      href={`#${props.id}`}
      title={props.hint}
      onClick={(e) => {
        e.preventDefault()
        props.onOpen()
      }}
    >
      <Card hoverable size="small">
        <Statistic title={props.label} value={props.count} />
      </Card>
    </a>
  )
}

/** A short list of rows, or a line saying there is none (the empty state). */
function Rows<T>({ items, empty, render }: { items: readonly T[]; empty: string; render: (x: T) => ReactNode }) {
  if (items.length === 0) return <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>
  return <ul className="home-list">{items.map(render)}</ul>
}

/** 首页: what needs attention now, each number a way into it, and what the last shift handed over. */
export function HomePage({
  onOpen,
  onList,
  onHandover,
  onSettings,
}: {
  onOpen: (id: string) => void
  /** Opens the case list on one of its saved views (the tile's). */
  onList: (filter: ListFilter) => void
  onHandover: () => void
  /** Opens 设置 on a tab (the setup checklist's items). */
  onSettings: (tab: SettingsTab) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const home = useLoad(() => api['home:summary'](), [])
  if (home.state === 'loading')
    return (
      <Typography.Paragraph type="secondary" role="status">
        {t('app.loading')}
      </Typography.Paragraph>
    )
  if (home.state === 'error')
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('home.loadFailed', { message: home.error.message })}
        action={<Button onClick={home.reload}>{t('actions.retry')}</Button>}
      />
    )
  const h = home.data
  const scrollTo = (id: string) => () => document.getElementById(id)?.scrollIntoView({ block: 'start' })
  return (
    <section className="page home" aria-labelledby="home-title">
      <header className="page-header">
        <h1 id="home-title">{t('nav.home')}</h1>
        <Typography.Text type="secondary">
          {t('home.openLine', {
            count: h.openByClass.class1 + h.openByClass.class2,
            class1: h.openByClass.class1,
            class2: h.openByClass.class2,
          })}
        </Typography.Text>
      </header>
      {h.setup && <SetupChecklist items={h.setup} onSettings={onSettings} />}
      <div role="group" aria-label={t('home.tiles')}>
        <Row gutter={[12, 12]} className="home-tiles">
          <Col xs={12} lg={6}>
            <Tile
              id="list-urgent"
              label={t('home.tileUrgent')}
              count={h.viewCounts.urgent}
              alarm
              hint={t('home.opensList', { view: t('home.tileUrgent') })}
              onOpen={() => onList({ view: 'urgent' })}
            />
          </Col>
          <Col xs={12} lg={6}>
            <Tile
              id="list-overdue"
              label={t('home.tileOverdue')}
              count={h.viewCounts.overdue}
              alarm
              hint={t('home.opensList', { view: t('home.tileOverdue') })}
              onOpen={() => onList({ view: 'overdue' })}
            />
          </Col>
          <Col xs={12} lg={6}>
            <Tile
              id="list-follow-up"
              label={t('home.tileFollowUp')}
              count={h.viewCounts.follow_up}
              hint={t('home.opensList', { view: t('home.tileFollowUp') })}
              onOpen={() => onList({ view: 'follow_up' })}
            />
          </Col>
          <Col xs={12} lg={6}>
            <Tile
              id="home-today"
              label={t('home.dueToday')}
              count={h.commitmentsDueToday.length}
              hint={t('home.dueToday')}
              onOpen={scrollTo('home-today')}
            />
          </Col>
        </Row>
      </div>
      <Row gutter={[16, 16]} className="home-grid">
        <Col xs={24} xl={12}>
          <LastHandover handover={h.lastHandover} onOpen={onOpen} onHandover={onHandover} />
        </Col>
        <Col xs={24} xl={12}>
          <Attention h={h} onOpen={onOpen} />
        </Col>
      </Row>
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

/** 上一班交接: who handed over to whom and when, their notes, and the open cases handed over. */
function LastHandover({
  handover,
  onOpen,
  onHandover,
}: {
  handover: LastHandoverData | null
  onOpen: (id: string) => void
  onHandover: () => void
}) {
  const { t } = useTranslation()
  const toPage = (
    <Button type="link" onClick={onHandover}>
      {t('home.toHandover')}
    </Button>
  )
  if (!handover)
    return (
      <section aria-labelledby="home-handover">
        <Card title={<h2 id="home-handover">{t('home.lastHandover')}</h2>} extra={toPage}>
          <Typography.Paragraph type="secondary">{t('handover.none')}</Typography.Paragraph>
        </Card>
      </section>
    )
  const cases = handover.openCases
  return (
    <section aria-labelledby="home-handover">
      <Card title={<h2 id="home-handover">{t('home.lastHandover')}</h2>} extra={toPage} className="home-handover">
        <Typography.Paragraph className="handover-who">
          <strong>
            {handover.outgoing.name} → {handover.incoming.name}
          </strong>{' '}
          <Typography.Text type="secondary">
            {t('home.handedOverAt', { at: formatDateTime(handover.at), ago: dayjs(handover.at).fromNow() })}
          </Typography.Text>
        </Typography.Paragraph>
        {handover.notes.trim() ? (
          <blockquote className="handover-notes" aria-label={t('handover.notes')}>
            {handover.notes}
          </blockquote>
        ) : (
          <Typography.Paragraph type="secondary">{t('home.noNotes')}</Typography.Paragraph>
        )}
        <h3 className="home-subtitle">{t('handover.openCases', { count: handover.openCount })}</h3>
        <Rows
          items={cases}
          empty={t('handover.noOpenCases')}
          render={(c) => (
            <li key={c.id}>
              <span>
                <CaseLink c={c} onOpen={onOpen} /> {c.customerName} · {t(`options.category.${c.category}`)}
              </span>
              <span>
                <Tag>{t(`options.status.${c.status}`)}</Tag>
                <Typography.Text type="secondary">
                  {t('owner.owner')}
                  {t('corrections.colon')}
                  {ownerText(t, c)}
                </Typography.Text>
              </span>
            </li>
          )}
        />
        {handover.openCount > cases.length && (
          <Button type="link" onClick={onHandover}>
            {t('home.moreCases', { count: handover.openCount - cases.length })}
          </Button>
        )}
      </Card>
    </section>
  )
}

/** Escalations, broken and due promises, overdue cases: each case a link. */
function Attention({ h, onOpen }: { h: HomeSummary; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const promiseRow = ({ case: c, commitment: m }: { case: CaseSummary; commitment: Commitment }) => (
    <li key={m.id}>
      <span>
        <CaseLink c={c} onOpen={onOpen} /> <strong>{m.what}</strong>
      </span>
      <Typography.Text type="secondary">
        {t('wf.commitmentLine', { owner: m.owner, due: formatDateTime(m.dueAt) })} · {c.customerName}
      </Typography.Text>
    </li>
  )
  const card = (id: string, title: string, body: ReactNode, urgent = false) => (
    <section aria-labelledby={id}>
      <Card size="small" title={<h2 id={id}>{title}</h2>} className={urgent ? 'home-card-urgent' : undefined}>
        {body}
      </Card>
    </section>
  )
  return (
    <div className="home-attention">
      {card(
        'home-esc',
        t('home.escalated'),
        <Rows
          items={h.escalated}
          empty={t('home.noEscalations')}
          render={(c) => (
            <li key={c.id}>
              <span>
                <CaseLink c={c} onOpen={onOpen} /> <Tag color="red">{t('list.urgent')}</Tag> {c.customerName} ·{' '}
                {t(`options.category.${c.category}`)}
              </span>
              <Typography.Text type="secondary">{formatDateTime(c.receivedAt)}</Typography.Text>
            </li>
          )}
        />,
        h.escalated.length > 0,
      )}
      {card(
        'home-overdue',
        t('home.overdueCommitments'),
        <Rows items={h.overdueCommitments} empty={t('home.noOverdue')} render={promiseRow} />,
      )}
      {card(
        'home-today',
        t('home.dueToday'),
        <Rows items={h.commitmentsDueToday} empty={t('home.noneToday')} render={promiseRow} />,
      )}
      {card(
        'home-late',
        t('home.overdueCases'),
        <Rows
          items={h.overdueCases}
          empty={t('home.noOverdueCases')}
          render={(c) => (
            <li key={c.id}>
              <span>
                <CaseLink c={c} onOpen={onOpen} /> {c.customerName}
              </span>
              <OverdueBadges flags={c.flags} />
            </li>
          )}
        />,
      )}
    </div>
  )
}
