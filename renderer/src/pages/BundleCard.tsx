import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Card, Col, Row } from 'antd'
import type { ImportResult } from '@shared/schemas/bundle'
import type { Result } from '@shared/ipc/result'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { useDeliverFile } from '../hooks/useDeliverFile'
import { useFeedback } from '../ui/feedback'
import { FormItem } from '../ui/fields'
import { ApprovalForm, ApprovalOnly } from './settings/ApprovalForm'
import { PlainTable } from './settings/PlainTable'

const MAX_BYTES = 200 * 1024 * 1024

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

/** 数据包: export this branch for head office, or import branches' bundles (a manager approves both). */
export function BundleCard({ managers }: { managers: StaffPublic[] }) {
  const { t } = useTranslation()
  const api = useApi()
  const deliver = useDeliverFile()
  const { success } = useFeedback()
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const refuse = (message: string): Result<never> => {
    setFileError(message)
    // Said by the file field; the form itself shows nothing more.
    return { ok: false, error: { code: 'VALIDATION', message, issues: [{ path: 'file', message }] } }
  }
  return (
    <section aria-labelledby="bundle-title">
      <Card
        title={
          <h2 id="bundle-title" className="card-title">
            {t('bundle.title')}
          </h2>
        }
        size="small"
      >
        <p className="hint">{t('bundle.hint')}</p>
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <ApprovalForm
              id="bundle-export"
              title={t('bundle.exportTitle')}
              schema={ApprovalOnly}
              defaults={{}}
              submitLabel={t('bundle.export')}
              managers={managers}
              onSubmit={async (v) => {
                const made = await api['data:exportBundle'](v)
                if (!made.ok) return made
                const delivered = await deliver(made.data)
                return delivered.ok
                  ? { ok: true, data: { fileName: made.data.fileName, delivered: delivered.data } }
                  : delivered
              }}
              onDone={({ fileName, delivered }) => {
                // A save dialog closed without saving is not an export.
                if (delivered && !delivered.saved) return
                success(t('bundle.exported', { file: delivered?.path ?? fileName }))
              }}
            />
          </Col>
          <Col xs={24} lg={12}>
            <ApprovalForm
              id="bundle-import"
              title={t('bundle.importTitle')}
              schema={ApprovalOnly}
              defaults={{}}
              fields={() => (
                <FormItem id="bundle-file" label={t('bundle.file')} error={fileError ?? undefined} required>
                  <input
                    id="bundle-file"
                    type="file"
                    className="file-input"
                    accept=".gz,.json,application/gzip,application/json"
                    aria-invalid={fileError ? true : undefined}
                    aria-describedby={fileError ? 'bundle-file-error' : undefined}
                    onChange={(e) => {
                      setFile(e.target.files?.[0] ?? null)
                      setFileError(null)
                    }}
                  />
                </FormItem>
              )}
              submitLabel={t('bundle.import')}
              managers={managers}
              onSubmit={async (v) => {
                setResult(null)
                if (!file) return refuse(t('bundle.chooseFile'))
                if (file.size > MAX_BYTES) return refuse(t('bundle.tooLarge'))
                return api['data:importBundle']({
                  fileName: file.name,
                  base64: await readAsBase64(file),
                  approval: v.approval,
                })
              }}
              onDone={(done) => {
                setResult(done)
                success(t('bundle.imported', { branch: done.branch.name, added: done.added }))
              }}
            />
          </Col>
        </Row>
        {result && <ImportSummary result={result} />}
      </Card>
    </section>
  )
}

function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation()
  return (
    <div role="status" className="import-result">
      <Alert
        type={result.conflicts.length > 0 ? 'warning' : 'success'}
        showIcon
        message={t('bundle.result', {
          branch: result.branch.name,
          code: result.branch.code,
          added: result.added,
          unchanged: result.unchanged,
          departments: result.departmentsAdded,
          conflicts: result.conflicts.length,
        })}
      />
      {result.conflicts.length > 0 && (
        <PlainTable
          caption={t('bundle.conflicts')}
          rows={result.conflicts}
          rowKey={(c) => `${c.branchCode}/${c.id}`}
          empty=""
          columns={[
            {
              title: t('fields.number'),
              key: 'number',
              render: (c) => (
                <span className="mono">
                  {c.branchCode} · {c.number}
                </span>
              ),
            },
            {
              title: t('bundle.fields'),
              key: 'fields',
              render: (c) => c.fields.map((f) => t(`fields.${f}`, { defaultValue: f })).join('、'),
            },
          ]}
        />
      )}
    </div>
  )
}
