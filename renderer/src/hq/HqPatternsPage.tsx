import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InputNumber, Space, Table, Tag } from 'antd'
import type { HqCaseRef, HqPattern } from '@shared/schemas/headquarters'
import { PATTERN_DEFAULTS, PATTERN_LIMITS } from '@shared/values/patterns'
import { useApi } from '../apiContext'
import { formatDateTime } from '../format'
import { useQueryLoad } from './useQueryLoad'
import { HqFailed } from './HqStatus'

const KIND_COLOUR = { batch: 'red', model: 'volcano', product: 'orange', category: 'blue' } as const

/** 跨店规律: the same category, product, model or batch in at least N branches within D days. */
export function HqPatternsPage({ onOpen }: { onOpen: (ref: HqCaseRef) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [minBranches, setMinBranches] = useState<number>(PATTERN_DEFAULTS.minBranches)
  const [days, setDays] = useState<number>(PATTERN_DEFAULTS.days)
  const [asked, setAsked] = useState({ minBranches, days })
  const found = useQueryLoad(asked, () => api['hq:patterns'](asked))
  const what = (p: HqPattern) => (p.kind === 'category' ? t(`options.category.${p.key}`) : p.text)
  return (
    <section className="page" aria-labelledby="hq-patterns-title">
      <header className="page-header">
        <h1 id="hq-patterns-title">{t('hq.patterns.title')}</h1>
      </header>
      <div className="card filters">
        <Space wrap>
          <label>
            {t('hq.patterns.minBranches')}{' '}
            <InputNumber
              aria-label={t('hq.patterns.minBranches')}
              min={PATTERN_LIMITS.minBranches.min}
              max={PATTERN_LIMITS.minBranches.max}
              value={minBranches}
              onChange={(v) => v !== null && setMinBranches(v)}
            />
          </label>
          <label>
            {t('hq.patterns.days')}{' '}
            <InputNumber
              aria-label={t('hq.patterns.days')}
              min={PATTERN_LIMITS.days.min}
              max={PATTERN_LIMITS.days.max}
              value={days}
              onChange={(v) => v !== null && setDays(v)}
            />
          </label>
          <Button type="primary" onClick={() => setAsked({ minBranches, days })}>
            {t('hq.cases.searchButton')}
          </Button>
        </Space>
        <p className="muted">{t('hq.patterns.intro', { n: asked.minBranches, days: asked.days })}</p>
      </div>
      {found.error && <HqFailed message={found.error.message} onRetry={found.reload} />}
      {found.data && (
        <p className="muted">
          {t('hq.patterns.read', {
            count: found.data.cases,
            from: formatDateTime(found.data.from),
            to: formatDateTime(found.data.to),
          })}
        </p>
      )}
      <Table<HqPattern>
        className="card"
        size="small"
        rowKey={(p) => `${p.kind}:${p.key}`}
        loading={found.loading}
        dataSource={found.data?.patterns ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('hq.patterns.none') }}
        expandable={{
          expandedRowRender: (p) => (
            <div>
              <strong>{t('hq.patterns.examples')}</strong>
              <ul className="plain-list">
                {p.examples.map((e) => (
                  <li key={`${e.branchCode}/${e.caseId}`}>
                    <Button type="link" size="small" onClick={() => onOpen(e)}>
                      {e.caseNo}
                    </Button>{' '}
                    {e.branchCode} · {formatDateTime(e.receivedAt)}
                  </li>
                ))}
              </ul>
            </div>
          ),
        }}
        columns={[
          {
            title: t('hq.patterns.what'),
            key: 'what',
            render: (p: HqPattern) => (
              <span>
                <Tag color={KIND_COLOUR[p.kind]}>{t(`hq.patternKind.${p.kind}`)}</Tag> {what(p)}
              </span>
            ),
          },
          {
            title: t('hq.patterns.branches'),
            key: 'branches',
            render: (p: HqPattern) => (
              <span>
                <strong>{p.branches.length}</strong>{' '}
                <span className="muted">
                  {p.branches
                    .slice(0, 6)
                    .map((b) => `${b.branchName || b.branchCode}×${b.count}`)
                    .join(t('hq.patterns.separator'))}
                  {p.branches.length > 6 ? '…' : ''}
                </span>
              </span>
            ),
          },
          { title: t('hq.patterns.cases'), dataIndex: 'cases', key: 'cases', align: 'right' as const },
          {
            title: t('hq.patterns.span'),
            key: 'span',
            render: (p: HqPattern) => `${formatDateTime(p.firstAt)} — ${formatDateTime(p.lastAt)}`,
          },
        ]}
      />
    </section>
  )
}
