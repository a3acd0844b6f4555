import { useState } from 'react'
import { z } from 'zod'
import { useTranslation } from 'react-i18next'
import { ManagerApproval } from '@shared/schemas/common'
import type { ImportResult } from '@shared/schemas/bundle'
import type { Result } from '@shared/ipc/result'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { useDeliverFile } from '../hooks/useDeliverFile'

const ApprovalOnly = z.object({ approval: ManagerApproval })
const MAX_BYTES = 200 * 1024 * 1024

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

/** 数据包: export this branch for head office, or import branches' bundles (manager PIN for both). */
export function BundleCard({ managers, approver }: { managers: StaffPublic[]; approver: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const deliver = useDeliverFile()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const refuse = (message: string): Result<never> => ({ ok: false, error: { code: 'VALIDATION', message } })
  return (
    <section className="card" aria-labelledby="bundle-title">
      <h2 id="bundle-title">{t('bundle.title')}</h2>
      <p className="hint">{t('bundle.hint')}</p>
      <div className="bundle-forms">
        <MiniForm
          id="bundle-export"
          title={t('bundle.exportTitle')}
          schema={ApprovalOnly}
          defaults={{} as never}
          fields={[]}
          submitLabel={t('bundle.export')}
          managers={managers}
          defaultApprover={approver}
          onSubmit={async (v) => {
            const made = await api['data:exportBundle'](v)
            return made.ok ? deliver(made.data) : made
          }}
        />
        <div>
          <label className="field">
            {t('bundle.file')}
            <input
              type="file"
              accept=".gz,.json,application/gzip,application/json"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <MiniForm
            id="bundle-import"
            title={t('bundle.importTitle')}
            schema={ApprovalOnly}
            defaults={{} as never}
            fields={[]}
            submitLabel={t('bundle.import')}
            managers={managers}
            defaultApprover={approver}
            onSubmit={async (v) => {
              setResult(null)
              if (!file) return refuse(t('bundle.chooseFile'))
              if (file.size > MAX_BYTES) return refuse(t('bundle.tooLarge'))
              const done = await api['data:importBundle']({
                fileName: file.name,
                base64: await readAsBase64(file),
                approval: v.approval,
              })
              if (done.ok) setResult(done.data)
              return done
            }}
          />
        </div>
      </div>
      {result && <ImportSummary result={result} />}
    </section>
  )
}

function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation()
  return (
    <div role="status" className="import-result">
      <p>
        {t('bundle.result', {
          branch: result.branch.name,
          code: result.branch.code,
          added: result.added,
          unchanged: result.unchanged,
          departments: result.departmentsAdded,
          conflicts: result.conflicts.length,
        })}
      </p>
      {result.conflicts.length > 0 && (
        <table className="cases">
          <caption>{t('bundle.conflicts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.number')}</th>
              <th scope="col">{t('bundle.fields')}</th>
            </tr>
          </thead>
          <tbody>
            {result.conflicts.map((c) => (
              <tr key={`${c.branchCode}/${c.id}`}>
                <td className="mono">
                  {c.branchCode} · {c.number}
                </td>
                <td>{c.fields.map((f) => t(`fields.${f}`, { defaultValue: f })).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
