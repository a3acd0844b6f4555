import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HostContext } from '../../renderer/src/apiContext'
import { PdfButton } from '../../renderer/src/case/PdfButton'
import { fakeApi, renderWithApi } from './renderWithApi'

const file = { fileName: 'r.pdf', base64: btoa('%PDF') }

describe('PdfButton', () => {
  it('in the desktop app: saves, then offers open and print', async () => {
    const api = fakeApi({
      'files:savePdf': { ok: true, data: { saved: true, path: 'C:\\\\报表\\\\r.pdf' } },
      'files:printPdf': { ok: true, data: true },
    })
    const make = vi.fn(async () => ({ ok: true as const, data: file }))
    renderWithApi(
      <HostContext.Provider value="desktop">
        <PdfButton label="打印受理回执" make={make} />
      </HostContext.Provider>,
      api,
    )
    await userEvent.click(screen.getByRole('button', { name: '打印受理回执' }))
    expect(await screen.findByText(/已保存到/)).toBeInTheDocument()
    expect(api['files:savePdf']).toHaveBeenCalledWith(file)
    await userEvent.click(screen.getByRole('button', { name: '打印' }))
    await waitFor(() => expect(api['files:printPdf']).toHaveBeenCalledWith(file))
  })

  it('in a browser: downloads and never calls the desktop channels', async () => {
    const api = fakeApi()
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    renderWithApi(<PdfButton label="下载" make={async () => ({ ok: true as const, data: file })} />, api)
    await userEvent.click(screen.getByRole('button', { name: '下载' }))
    await waitFor(() => expect(click).toHaveBeenCalled())
    expect(api['files:savePdf']).not.toHaveBeenCalled()
  })

  it('says when the PDF could not be made', async () => {
    renderWithApi(
      <PdfButton
        label="下载"
        make={async () => ({
          ok: false as const,
          error: { code: 'NOT_ALLOWED' as const, message: '书面报告只用于二类投诉。' },
        })}
      />,
      fakeApi(),
    )
    await userEvent.click(screen.getByRole('button', { name: '下载' }))
    expect(await screen.findByText('PDF 生成失败：书面报告只用于二类投诉。')).toBeInTheDocument()
  })
})
