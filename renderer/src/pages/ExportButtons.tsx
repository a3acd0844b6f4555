import { z } from 'zod'
import { useTranslation } from 'react-i18next'
import type { CaseQuery } from '@shared/schemas/case'
import { ManagerApproval } from '@shared/schemas/common'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { PdfButton } from '../case/PdfButton'
import { useDeliverFile } from '../hooks/useDeliverFile'
import { useLoad } from '../hooks/useLoad'

const ApprovalOnly = z.object({ approval: ManagerApproval })

/**
 * 导出 CSV of the list as filtered: phones masked for everyone; with full phones only when
 * a manager enters their PIN (checked again in main).
 */
export function ExportButtons({ query }: { query: CaseQuery }) {
  const { t } = useTranslation()
  const api = useApi()
  const deliver = useDeliverFile()
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const managers = staff.state === 'ready' ? staff.data.filter((s) => s.role === 'manager') : []
  const { offset: _o, limit: _l, ...filters } = query
  return (
    <div className="export-buttons">
      <PdfButton label={t('export.csv')} make={() => api['cases:exportCsv'](filters)} />
      <details>
        <summary>{t('export.unmasked')}</summary>
        {/* Mounted once the managers are known, so the approver is preselected. */}
        {staff.state === 'ready' && (
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
              return result.ok ? deliver(result.data) : result
            }}
          />
        )}
      </details>
    </div>
  )
}
