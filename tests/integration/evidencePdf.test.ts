import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { clerkDesk } from '../support/services'
import { validDraft } from '../support/factories'
import { makePdf, makePng } from '../support/images'
import { useTempDirs } from '../support/tempDir'
import { HAS_POPPLER } from '../support/poppler'

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

describe.skipIf(!HAS_POPPLER && !process.env.CI)('the Class 2 written report lists the evidence (issue 13)', () => {
  const tempDir = useTempDirs()

  it('each attachment with name, type, size, time and the first 12 hex of its hash; images as thumbnails; voided ones marked', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    const c = await d.call(
      'cases:create',
      validDraft({ departmentId: d.departments[0].id, description: '电饭煲内胆脱漆，客户说要找媒体曝光。' }),
    )
    expect(c.caseClass).toBe(2)
    const receipt = makePng(160, 120, [200, 40, 40])
    const label = makePng(90, 120, [40, 90, 200])
    const invoice = makePdf('发票')
    await d.call('attachments:add', { id: c.id, fileName: '小票.png', base64: b64(receipt), caption: '小票正面' })
    await d.call('attachments:add', { id: c.id, fileName: '标签.png', base64: b64(label) })
    await d.call('attachments:add', { id: c.id, fileName: '发票.pdf', base64: b64(invoice) })
    const wrong = await d.call('attachments:add', {
      id: c.id,
      fileName: '拍错的.png',
      base64: b64(makePng(20, 20, [0, 0, 0])),
    })
    await d.call('attachments:void', { id: c.id, attachmentId: wrong.workflow.attachments[3].id, reason: '与本单无关' })

    const file = await d.call('reports:writtenReport', { id: c.id })
    const path = join(dir, 'report.pdf')
    await writeFile(path, Buffer.from(file.base64, 'base64'))
    if (process.env.PDF_OUT)
      await writeFile(join(process.env.PDF_OUT, file.fileName), Buffer.from(file.base64, 'base64'))
    const text = run('pdftotext', ['-layout', path, '-'])
    expect(text).toContain('证据附件')
    for (const name of ['小票.png', '标签.png', '发票.pdf', '拍错的.png']) expect(text).toContain(name)
    expect(text).toContain('小票正面')
    expect(text).toContain('PNG 图片')
    expect(text).toMatch(/发票\.pdf\s+PDF/)
    expect(text).toContain(sha(receipt).slice(0, 12))
    expect(text).toContain(sha(invoice).slice(0, 12))
    expect(text).not.toContain(sha(invoice).slice(0, 13))
    expect(text).toContain('已作废：与本单无关')
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    // Two thumbnails (the live images); none for the PDF or the voided photo.
    const images = run('pdfimages', ['-list', path]).trim().split('\n').slice(2)
    expect(images.map((l) => l.trim().split(/\s+/).slice(3, 5).join('x')).sort()).toEqual(['160x120', '90x120'])
    await d.services.close()
  })

  it('a case without attachments says so', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    const c = await d.call(
      'cases:create',
      validDraft({ departmentId: d.departments[0].id, description: '客户说要找媒体曝光。' }),
    )
    const file = await d.call('reports:writtenReport', { id: c.id })
    const path = join(dir, 'report.pdf')
    await writeFile(path, Buffer.from(file.base64, 'base64'))
    expect(run('pdftotext', ['-layout', path, '-'])).toMatch(/证据附件\s+无/)
    await d.services.close()
  })
})
