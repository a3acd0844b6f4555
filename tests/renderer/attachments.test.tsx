import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CaseDetail } from '@shared/schemas/case'
import type { Attachment } from '@shared/schemas/attachments'
import type { Result } from '@shared/ipc/result'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { MAX_ATTACHMENT_BYTES } from '@shared/values/attachments'
import { AttachmentsPanel } from '../../renderer/src/case/AttachmentsPanel'
import type { CasePanelProps } from '../../renderer/src/case/caseActions'
import { makeCase } from '../support/factories'
import { fakeApi, renderWithApi } from './renderWithApi'

const by = { id: 's1', name: 'Li Na' }
const photo: Attachment = {
  id: 'a1',
  hash: 'ab'.repeat(32),
  fileName: 'receipt.png',
  type: 'png',
  size: 2048,
  caption: 'front of the receipt',
  at: '2026-11-22T02:00:00.000Z',
  by,
  voided: null,
}
const invoice: Attachment = {
  ...photo,
  id: 'a2',
  hash: 'cd'.repeat(32),
  fileName: 'invoice.pdf',
  type: 'pdf',
  caption: '',
  voided: { at: '2026-11-22T03:00:00.000Z', by, reason: 'wrong case' },
}

function props(attachments: Attachment[]): CasePanelProps {
  const base = makeCase()
  const c: CaseDetail = {
    ...base,
    workflow: { ...base.workflow, attachments },
    departmentName: 'Cashier',
    flags: {
      escalated: false,
      overdue: [],
      commitmentsDueSoon: 0,
      commitmentsOverdue: 0,
      deadlines: { resolveBy: null, firstResponseBy: null, reportBy: null, followUpFrom: null, followUpBy: null },
    },
  }
  return {
    c,
    act: async (call: Promise<Result<CaseDetail>>) => call,
    managers: [],
    defaultApprover: '',
    settings: DEFAULT_WORKFLOW_SETTINGS,
    lang: 'en',
    viewer: { role: 'staff' },
  }
}

describe('the evidence panel (issue 13)', () => {
  it('in English: a thumbnail for the photo, a PDF mark for the PDF, the voided one with its reason', async () => {
    // A 1×1 PNG: the panel shows what main sends as a data: URL.
    const base64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC'
    const api = fakeApi({ 'attachments:read': { ok: true, data: { type: 'png', mime: 'image/png', base64 } } })
    renderWithApi(<AttachmentsPanel {...props([photo, invoice])} />, api, 'en')
    expect(screen.getByRole('heading', { name: 'Evidence' })).toBeTruthy()
    const img = await screen.findByAltText('Thumbnail of receipt.png')
    expect(img.getAttribute('src')).toBe(`data:image/png;base64,${base64}`)
    expect(api['attachments:read']).toHaveBeenCalledWith({ id: expect.any(String), attachmentId: 'a1' })
    expect(screen.getByRole('img', { name: 'PDF file' })).toBeTruthy()
    expect(screen.getByText(/Voided: wrong case \(Li Na,/)).toBeTruthy()
    expect(screen.getByText('Checksum abababababab')).toBeTruthy()
    expect(screen.getAllByRole('button', { name: 'Void' })).toHaveLength(1)
  })

  it('an empty case says so; a file over 10 MB or not an image/PDF by content is refused before anything is sent', async () => {
    const user = userEvent.setup({ applyAccept: false })
    const api = fakeApi()
    renderWithApi(<AttachmentsPanel {...props([])} />, api)
    expect(screen.getByText('还没有证据附件。')).toBeTruthy()
    const big = new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], '大图.jpg', { type: 'image/jpeg' })
    await user.upload(screen.getByLabelText('选择文件'), big)
    await user.click(screen.getByRole('button', { name: '添加附件' }))
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('“大图.jpg”超过 10.0 MB，未添加。请压缩或拍一张较小的照片。'),
    )
    const text = new File(['这不是照片'], '照片.jpg', { type: 'image/jpeg' })
    await user.upload(screen.getByLabelText('选择文件'), text)
    await user.click(screen.getByRole('button', { name: '添加附件' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('不是图片或 PDF'))
    expect(api['attachments:add']).not.toHaveBeenCalled()
  })
})
