import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Empty, Input, Modal } from 'antd'
import type { Attachment } from '@shared/schemas/attachments'
import { VoidAttachmentInput } from '@shared/schemas/attachments'
import {
  ATTACHMENT_ACCEPT,
  checkAttachment,
  formatBytes,
  isImage,
  MAX_ATTACHMENT_BYTES,
} from '@shared/values/attachments'
import { useApi } from '../apiContext'
import { formatDateTime } from '../format'
import { useFeedback } from '../ui/feedback'
import { TextField } from '../ui/fields'
import { CaseForm } from './CaseForm'
import { caseActions, type CasePanelProps } from './caseActions'

/** Image data URLs by hash: a stored file never changes, so it is fetched once per page load. */
const images = new Map<string, Promise<string | null>>()

/** Reads a picked file as base64 (what crosses IPC and HTTP). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/**
 * 证据附件: photos and PDFs of the receipt, product or label (docs/domain.md §2a). A file is
 * checked here by its content and size before it is sent, and again in main; a refusal says
 * why next to the control. Images show as thumbnails (click for a larger view); voided ones
 * stay listed with the reason.
 */
export function AttachmentsPanel({ c, act, viewer }: CasePanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const actions = caseActions(c, viewer)
  const input = useRef<HTMLInputElement>(null)
  const [caption, setCaption] = useState('')
  const [busy, setBusy] = useState(false)
  const [picked, setPicked] = useState<string | null>(null)
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null)
  const [viewing, setViewing] = useState<Attachment | null>(null)
  const [voiding, setVoiding] = useState<Attachment | null>(null)
  const feedback = useFeedback()
  const list = c.workflow.attachments
  const max = formatBytes(MAX_ATTACHMENT_BYTES)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const file = input.current?.files?.[0]
    if (!file) return setMessage({ kind: 'error', text: t('attachments.refused.none') })
    setMessage(null)
    const name = file.name
    // Checked before anything is read whole or sent: the same rule main applies.
    if (file.size > MAX_ATTACHMENT_BYTES)
      return setMessage({ kind: 'error', text: t('attachments.refused.tooLarge', { name, max }) })
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer())
    const checked = file.size === 0 ? { ok: false as const, reason: 'empty' as const } : checkAttachment(head)
    if (!checked.ok)
      return setMessage({ kind: 'error', text: t(`attachments.refused.${checked.reason}`, { name, max }) })
    setBusy(true)
    try {
      const result = await act(
        api['attachments:add']({ id: c.id, fileName: name, base64: await readBase64(file), caption }),
      )
      if (result.ok) {
        feedback.success(t('attachments.added', { name }))
        setMessage({ kind: 'success', text: t('attachments.added', { name }) })
        setCaption('')
        setPicked(null)
        if (input.current) input.current.value = ''
      } else setMessage({ kind: 'error', text: result.error.issues?.[0]?.message ?? result.error.message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="tab-panel" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      <p className="muted small">{t('attachments.hint', { max })}</p>
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.none')} />
      ) : (
        <ul className="evidence-list" aria-label={t('attachments.list')}>
          {list.map((a) => (
            <li key={a.id} className={a.voided ? 'evidence evidence-voided' : 'evidence'}>
              {isImage(a.type) ? (
                <button
                  type="button"
                  className="evidence-thumb"
                  onClick={() => setViewing(a)}
                  aria-label={t('attachments.view', { name: a.fileName })}
                >
                  <EvidenceImage caseId={c.id} a={a} alt={t('attachments.thumbnail', { name: a.fileName })} />
                </button>
              ) : (
                <span className="evidence-thumb evidence-pdf" role="img" aria-label={t('attachments.pdf')}>
                  PDF
                </span>
              )}
              <div className="evidence-body">
                <strong className="evidence-name">{a.fileName}</strong>
                {a.caption && <p className="record-text">{a.caption}</p>}
                <span className="muted small">
                  {t('attachments.meta', {
                    type: t(`attachments.types.${a.type}`),
                    size: formatBytes(a.size),
                    by: a.by.name,
                    at: formatDateTime(a.at),
                  })}
                </span>
                <span className="muted small mono">{t('attachments.hash', { hash: a.hash.slice(0, 12) })}</span>
                {a.voided && (
                  <span className="small evidence-void-note">
                    {t('attachments.voided', {
                      reason: a.voided.reason,
                      by: a.voided.by.name,
                      at: formatDateTime(a.voided.at),
                    })}
                  </span>
                )}
                {!a.voided && actions.voidAttachment.enabled && (
                  <div>
                    <Button size="small" danger onClick={() => setVoiding(a)}>
                      {t('attachments.void')}
                    </Button>
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {actions.addAttachment.enabled && (
        <form className="case-form attachment-form" onSubmit={submit} aria-labelledby="attachment-add-title" noValidate>
          <h3 id="attachment-add-title">{t('attachments.add')}</h3>
          <div className="file-pick">
            {/* The browser's own file control speaks the browser's language: ours speaks the app's. */}
            <input
              id="attachment-file"
              ref={input}
              className="file-input"
              type="file"
              accept={ATTACHMENT_ACCEPT}
              onChange={(e) => {
                setMessage(null)
                setPicked(e.target.files?.[0]?.name ?? null)
              }}
              aria-describedby="attachment-picked attachment-message"
            />
            <label htmlFor="attachment-file" className="file-button ant-btn ant-btn-default">
              {t('attachments.choose')}
            </label>
            <span id="attachment-picked" className="muted small">
              {picked ?? t('attachments.noFile')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="attachment-caption">{t('attachments.caption')}</label>
            <Input
              id="attachment-caption"
              value={caption}
              maxLength={100}
              placeholder={t('attachments.captionHint')}
              onChange={(e) => setCaption(e.target.value)}
            />
          </div>
          <div id="attachment-message">
            {message?.kind === 'error' && <Alert type="error" showIcon title={message.text} />}
          </div>
          <Button type="primary" htmlType="submit" loading={busy}>
            {busy ? t('attachments.adding') : t('attachments.add')}
          </Button>
        </form>
      )}
      <Modal
        open={voiding !== null}
        title={voiding ? `${t('attachments.voidTitle')}${t('corrections.colon')}${voiding.fileName}` : ''}
        onCancel={() => setVoiding(null)}
        footer={null}
        destroyOnHidden
      >
        {voiding && (
          <CaseForm
            id={`void-${voiding.id}`}
            title={t('attachments.voidTitle')}
            schema={VoidAttachmentInput.omit({ id: true, attachmentId: true })}
            defaults={{ reason: '' }}
            submitLabel={t('attachments.voidConfirm')}
            dangerButton
            onSubmit={(v) => act(api['attachments:void']({ id: c.id, attachmentId: voiding.id, ...v }))}
            success={() => t('attachments.voidDone', { name: voiding.fileName })}
            onDone={() => setVoiding(null)}
            onCancel={() => setVoiding(null)}
          >
            {(control) => (
              <TextField
                control={control}
                name="reason"
                id="attachment-void-reason"
                label={t('attachments.voidReason')}
                hint={t('attachments.voidReasonHint')}
                required
              />
            )}
          </CaseForm>
        )}
      </Modal>
      {viewing && <Viewer caseId={c.id} a={viewing} onClose={() => setViewing(null)} />}
    </section>
  )
}

/** An attachment's image, fetched from main once (by hash) and shown as a data: URL. */
function EvidenceImage({ caseId, a, alt }: { caseId: string; a: Attachment; alt: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const [src, setSrc] = useState<string | null | undefined>(undefined)
  useEffect(() => {
    let live = true
    let pending = images.get(a.hash)
    if (!pending) {
      pending = api['attachments:read']({ id: caseId, attachmentId: a.id }).then((r) =>
        r.ok ? `data:${r.data.mime};base64,${r.data.base64}` : null,
      )
      images.set(a.hash, pending)
      // A failure is not kept: the next view asks again (a restore may have brought the file back).
      void pending.then((url) => url === null && images.delete(a.hash))
    }
    void pending.then((url) => live && setSrc(url))
    return () => {
      live = false
    }
  }, [api, caseId, a.id, a.hash])
  if (src === undefined) return <span className="muted small">{t('attachments.loading')}</span>
  if (src === null) return <span className="small error">{t('attachments.missing', { name: a.fileName })}</span>
  return <img src={src} alt={alt} />
}

/** The larger view of one image, over the page; Escape or 关闭 closes it. */
function Viewer({ caseId, a, onClose }: { caseId: string; a: Attachment; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal
      open
      title={a.fileName}
      onCancel={onClose}
      closable={false}
      width="auto"
      centered
      className="evidence-viewer"
      footer={
        <Button type="primary" autoFocus onClick={onClose}>
          {t('attachments.close')}
        </Button>
      }
    >
      <figure>
        <EvidenceImage caseId={caseId} a={a} alt={a.fileName} />
        {a.caption && <figcaption>{a.caption}</figcaption>}
      </figure>
    </Modal>
  )
}
