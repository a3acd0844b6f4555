import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Modal, Segmented, Space, Table, Tag } from 'antd'
import { HqSignInput, type HqCaseRef, type HqInboxQuery, type HqReportRow } from '@shared/schemas/headquarters'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { formatDateTime } from '../format'
import { useLoad } from '../hooks/useLoad'
import { useFeedback } from '../ui/feedback'
import { useQueryLoad } from './useQueryLoad'
import { HqFailed, HqLoading } from './HqStatus'

type State = NonNullable<HqInboxQuery['state']>
const PAGE = 50

/** 二类报告签收: the Class 2 written reports the branches have sent, unsigned first; 签收 with a comment. */
export function HqReportsPage({ signedIn, onOpen }: { signedIn: StaffPublic; onOpen: (ref: HqCaseRef) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const feedback = useFeedback()
  const [state, setState] = useState<State>('unsigned')
  const [offset, setOffset] = useState(0)
  const [signing, setSigning] = useState<HqReportRow | null>(null)
  const query: HqInboxQuery = { state, offset, limit: PAGE }
  // The rows shown stay while another page or state loads, under the table's spinner.
  const inbox = useQueryLoad(query, () => api['hq:reports'](query))
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const managers = staff.state === 'ready' ? staff.data.filter((s) => s.role === 'manager') : []
  const approver = signedIn.role === 'manager' ? signedIn.id : ''
  const data = inbox.data
  const hasMore = !inbox.loading && data?.hasMore
  return (
    <section className="page" aria-labelledby="hq-reports-title">
      <header className="page-header">
        <h1 id="hq-reports-title">{t('hq.reports.title')}</h1>
        {data && (
          <Tag color={data.unsigned > 0 ? 'red' : 'green'}>{t('hq.reports.count', { count: data.unsigned })}</Tag>
        )}
      </header>
      <Segmented<State>
        value={state}
        onChange={(v) => {
          setState(v)
          setOffset(0)
        }}
        options={(['unsigned', 'signed', 'all'] as const).map((s) => ({ value: s, label: t(`hq.reports.${s}`) }))}
      />
      {inbox.error && <HqFailed message={inbox.error.message} onRetry={inbox.reload} />}
      <Table<HqReportRow>
        className="card"
        size="small"
        rowKey={(r) => `${r.branchCode}/${r.caseId}`}
        loading={inbox.loading}
        dataSource={data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: t('hq.reports.empty') }}
        columns={[
          {
            title: t('hq.cases.branch'),
            key: 'branch',
            render: (r: HqReportRow) => `${r.branchName || r.branchCode} ${r.branchCode}`,
          },
          {
            title: t('fields.number'),
            key: 'no',
            render: (r: HqReportRow) => (
              <Button type="link" size="small" onClick={() => onOpen({ branchCode: r.branchCode, caseId: r.caseId })}>
                {r.caseNo}
              </Button>
            ),
          },
          { title: t('hq.reports.reportAt'), key: 'at', render: (r: HqReportRow) => formatDateTime(r.reportAt) },
          { title: t('fields.category'), key: 'cat', render: (r: HqReportRow) => t(`options.category.${r.category}`) },
          { title: t('fields.department'), dataIndex: 'departmentName', key: 'dept' },
          { title: t('hq.reports.summary'), dataIndex: 'summary', key: 'summary', ellipsis: true },
          {
            title: t('hq.reports.ackColumn'),
            key: 'ack',
            render: (r: HqReportRow) =>
              r.ack ? (
                <span>
                  <Tag color="green">{t('hq.reports.signed')}</Tag>
                  {t('hq.reports.ackBy', { by: r.ack.by, at: formatDateTime(r.ack.at) })}
                  {r.ack.comment && <div className="muted">{r.ack.comment}</div>}
                </span>
              ) : (
                <Button type="primary" size="small" onClick={() => setSigning(r)}>
                  {t('hq.reports.sign')}
                </Button>
              ),
          },
        ]}
      />
      {(offset > 0 || hasMore) && (
        <Space className="pager">
          <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('hq.cases.previous')}
          </Button>
          <span className="muted">{t('hq.cases.page', { n: Math.floor(offset / PAGE) + 1 })}</span>
          <Button disabled={!hasMore} onClick={() => setOffset(offset + PAGE)}>
            {t('hq.cases.next')}
          </Button>
        </Space>
      )}
      <Modal
        open={signing !== null}
        onCancel={() => setSigning(null)}
        footer={null}
        destroyOnHidden
        title={
          signing &&
          t('hq.reports.signTitle', { number: signing.caseNo, branch: signing.branchName || signing.branchCode })
        }
      >
        {signing && staff.state === 'loading' && <HqLoading label={t('app.loading')} />}
        {signing && staff.state === 'error' && (
          <HqFailed message={t('hq.reports.staffFailed', { message: staff.error.message })} onRetry={staff.reload} />
        )}
        {signing && staff.state === 'ready' && (
          <MiniForm
            id="hq-sign"
            title={t('hq.reports.sign')}
            schema={HqSignInput}
            defaults={{
              branchCode: signing.branchCode,
              caseId: signing.caseId,
              comment: '',
              approval: { managerId: approver, pin: '' },
            }}
            fields={[{ name: 'comment', label: t('hq.reports.comment'), kind: 'textarea', optional: true }]}
            managers={managers}
            defaultApprover={approver}
            submitLabel={t('hq.reports.sign')}
            onSubmit={(v) => api['hq:signReport'](v)}
            onDone={() => {
              setSigning(null)
              feedback.success(t('hq.reports.done'))
              inbox.reload()
            }}
            onCancel={() => setSigning(null)}
          />
        )}
      </Modal>
    </section>
  )
}
