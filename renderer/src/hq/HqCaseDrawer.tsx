import { ClassTag, StatusTag } from '../ui/tags'
import { useTranslation } from 'react-i18next'
import { Alert, Descriptions, Drawer, Timeline } from 'antd'
import type { HqCaseRef, HqCaseView } from '@shared/schemas/headquarters'
import { formatFen } from '@shared/values/money'
import { useApi } from '../apiContext'
import { formatDateTime } from '../format'
import { useQueryLoad } from './useQueryLoad'
import { HqFailed, HqLoading } from './HqStatus'

/** One branch's case as head office reads it: read-only, phone masked, with the 签收 if given. */
export function HqCaseDrawer({ target, onClose }: { target: HqCaseRef | null; onClose: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const view = useQueryLoad<HqCaseView | null>(target, async () =>
    target ? api['hq:case'](target) : { ok: true, data: null },
  )
  // Another case's details are never shown while this one loads.
  const v = view.loading ? null : view.data
  const c = v?.case
  const report = c?.workflow.writtenReport
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size="large"
      title={
        c && v ? t('hq.case.title', { number: c.number, branch: v.branchName || v.branchCode }) : t('hq.case.heading')
      }
    >
      {target && view.loading && <HqLoading label={t('hq.case.loading')} />}
      {view.error && <HqFailed message={view.error.message} onRetry={view.reload} />}
      {c && v && (
        <>
          <Alert type="info" role="status" title={t('hq.case.readOnly')} />
          <p className="muted">{t('hq.case.pushed', { at: formatDateTime(v.pushedAt), version: v.version })}</p>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'no', label: t('fields.number'), children: c.number },
              { key: 'branch', label: t('hq.cases.branch'), children: `${v.branchName} ${v.branchCode}` },
              { key: 'at', label: t('fields.receivedAt'), children: formatDateTime(c.receivedAt) },
              {
                key: 'class',
                label: t('hq.cases.caseClass'),
                children: (
                  <>
                    <ClassTag caseClass={c.caseClass} />
                    <StatusTag status={c.status} />
                  </>
                ),
              },
              { key: 'cat', label: t('fields.category'), children: t(`options.category.${c.category}`) },
              ...(c.cause ? [{ key: 'cause', label: t('fields.cause'), children: t(`options.cause.${c.cause}`) }] : []),
              { key: 'dept', label: t('fields.department'), children: v.departmentName },
              { key: 'customer', label: t('fields.customerName'), children: `${c.customerName} ${c.phone}` },
              { key: 'product', label: t('fields.product'), children: c.product || '—' },
              {
                key: 'amount',
                label: t('fields.amount'),
                children: c.amountFen === null ? '—' : `¥${formatFen(c.amountFen)}`,
              },
              { key: 'receipt', label: t('fields.receiptNo'), children: c.receiptNo || '—' },
              { key: 'desc', label: t('fields.description'), children: c.description },
              ...(c.workflow.resolution
                ? [{ key: 'res', label: t('hq.case.resolution'), children: c.workflow.resolution }]
                : []),
              {
                key: 'report',
                label: t('hq.case.report'),
                children: report ? (
                  <>
                    <div>
                      {t('hq.case.reportAt', { at: formatDateTime(report.generatedAt), by: report.generatedBy.name })}
                    </div>
                    <div>
                      {v.ack ? t('hq.case.ack', { by: v.ack.by, at: formatDateTime(v.ack.at) }) : t('hq.case.noAck')}
                      {v.ack?.comment && <div className="muted">{v.ack.comment}</div>}
                    </div>
                  </>
                ) : (
                  t('hq.case.noReport')
                ),
              },
            ]}
          />
          {c.timeline.length > 0 && <h3>{t('hq.case.timeline')}</h3>}
          <Timeline
            items={c.timeline.map((e, i) => ({
              key: i,
              content: (
                <>
                  <span className="mono">{formatDateTime(e.at)}</span> {e.by.name}{' '}
                  {t(`timeline.${e.action}`, { defaultValue: e.action })}
                  {e.detail && <div className="muted">{e.detail}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  )
}
