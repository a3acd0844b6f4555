import { useState } from 'react'
import { z } from 'zod'
import { useTranslation } from 'react-i18next'
import { Button, Card } from 'antd'
import type { CaseQuery } from '@shared/schemas/case'
import type { CsvExport } from '@shared/schemas/exports'
import { ManagerApproval } from '@shared/schemas/common'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { FileButton } from '../components/FileButton'
import { useDeliverFile } from '../hooks/useDeliverFile'
import { useLoad } from '../hooks/useLoad'
import { useFeedback } from '../ui/feedback'

const ApprovalOnly = z.object({ approval: ManagerApproval })

/**
 * 导出 CSV of the list as filtered: phones masked for everyone; with full phones only when
 * a manager approves (checked again in main). Each export says how many cases went into
 * which file.
 */
export function ExportButtons({ query }: { query: CaseQuery }) {
  const { t } = useTranslation()
  const api = useApi()
  const deliver = useDeliverFile()
  const feedback = useFeedback()
  const [unmasked, setUnmasked] = useState(false)
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const managers = staff.state === 'ready' ? staff.data.filter((s) => s.role === 'manager') : []
  const { offset: _o, limit: _l, ...filters } = query
  const done = (file: CsvExport) => t('export.done', { count: file.rows, file: file.fileName })
  return (
    <div className="export-buttons">
      <FileButton
        label={t('export.csv')}
        busyLabel={t('export.busy')}
        make={() => api['cases:exportCsv'](filters)}
        done={done}
      />
      <Button type="link" aria-expanded={unmasked} onClick={() => setUnmasked((u) => !u)}>
        {t('export.unmasked')}
      </Button>
      {/* Mounted once the managers are known, so the approver is preselected. */}
      {unmasked && staff.state === 'ready' && (
        <Card size="small" className="export-unmasked">
          <MiniForm
            id="export-unmasked"
            title={t('export.unmaskedTitle')}
            schema={ApprovalOnly}
            defaults={{} as never}
            fields={[]}
            submitLabel={t('export.run')}
            managers={managers}
            defaultApprover={managers[0]?.id ?? ''}
            onSubmit={async (v) => {
              const result = await api['cases:exportCsvUnmasked']({ ...filters, approval: v.approval })
              if (!result.ok) return result
              const delivered = await deliver(result.data)
              if (delivered.ok && (!delivered.data || delivered.data.saved)) feedback.success(done(result.data))
              return delivered
            }}
            onDone={() => setUnmasked(false)}
            onCancel={() => setUnmasked(false)}
          />
        </Card>
      )}
    </div>
  )
}
