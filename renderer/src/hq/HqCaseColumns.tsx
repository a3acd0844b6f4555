import { useTranslation } from 'react-i18next'
import { Button, Tag } from 'antd'
import type { HqCaseRef, HqCaseRow } from '@shared/schemas/headquarters'
import { formatDateTime } from '../format'
import { ClassTag } from '../ui/tags'

/** The 全部投诉 table's columns: branch first, the number opens the case read-only. */
export function useHqCaseColumns(onOpen: (ref: HqCaseRef) => void) {
  const { t } = useTranslation()
  return [
    {
      title: t('hq.cases.branch'),
      key: 'branch',
      render: (r: HqCaseRow) => (
        <span>
          {r.branchName || r.branchCode} <span className="muted">{r.branchCode}</span>
        </span>
      ),
    },
    {
      title: t('fields.number'),
      key: 'number',
      width: 168,
      render: (r: HqCaseRow) => (
        <Button
          type="link"
          size="small"
          className="hq-case-link"
          onClick={() => onOpen({ branchCode: r.branchCode, caseId: r.caseId })}
        >
          {r.caseNo}
        </Button>
      ),
    },
    {
      title: t('fields.receivedAt'),
      key: 'at',
      width: 148,
      render: (r: HqCaseRow) => <span className="mono">{formatDateTime(r.receivedAt)}</span>,
    },
    {
      title: t('hq.cases.caseClass'),
      key: 'class',
      render: (r: HqCaseRow) => (
        <>
          <ClassTag caseClass={r.caseClass} />
          {r.urgent && <Tag color="volcano">{t('list.urgent')}</Tag>}
        </>
      ),
    },
    { title: t('fields.category'), key: 'category', render: (r: HqCaseRow) => t(`options.category.${r.category}`) },
    { title: t('fields.status'), key: 'status', render: (r: HqCaseRow) => t(`options.status.${r.status}`) },
    { title: t('fields.department'), dataIndex: 'departmentName', key: 'department' },
    { title: t('fields.customerName'), dataIndex: 'customerName', key: 'customer' },
    { title: t('fields.product'), dataIndex: 'product', key: 'product', ellipsis: true },
  ]
}
