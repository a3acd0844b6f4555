import { describe, expect, it } from 'vitest'
import {
  ATTACHMENT_ACCEPT,
  base64Length,
  checkAttachment,
  formatBytes,
  MAX_ATTACHMENT_BYTES,
  sniffAttachment,
} from '@shared/values/attachments'
import { AddAttachmentInput } from '@shared/schemas/attachments'
import { makePdf, makePng } from '../../support/images'

const bytes = (...b: number[]) => new Uint8Array(b)
const text = (s: string) => new TextEncoder().encode(s)

describe('evidence files are checked by content, not by name (issue 13)', () => {
  it('recognises JPEG, PNG, WebP, GIF and PDF by their first bytes', () => {
    expect(sniffAttachment(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('jpeg')
    expect(sniffAttachment(makePng())).toBe('png')
    expect(sniffAttachment(text('GIF89a\x01\x00'))).toBe('gif')
    expect(sniffAttachment(text('GIF87a'))).toBe('gif')
    expect(sniffAttachment(text('RIFF\x24\x00\x00\x00WEBPVP8 '))).toBe('webp')
    expect(sniffAttachment(makePdf())).toBe('pdf')
  })

  it('a PNG named .pdf is a PNG; a text file named .jpg is refused; so are RIFF that is not WebP and a bare %PDF', () => {
    // The check never sees the name: what a file is comes from its bytes alone.
    expect(checkAttachment(makePng())).toEqual({ ok: true, type: 'png' })
    expect(checkAttachment(text('这不是照片，只是一段文字。'))).toEqual({ ok: false, reason: 'type' })
    expect(checkAttachment(text('RIFF\x24\x00\x00\x00WAVEfmt '))).toEqual({ ok: false, reason: 'type' })
    expect(checkAttachment(text('%PDF'))).toEqual({ ok: false, reason: 'type' })
    expect(checkAttachment(text(' %PDF-1.4'))).toEqual({ ok: false, reason: 'type' })
    expect(checkAttachment(bytes(0xff, 0xd8))).toEqual({ ok: false, reason: 'type' })
    expect(checkAttachment(bytes(0x3c, 0x73, 0x76, 0x67))).toEqual({ ok: false, reason: 'type' }) // <svg: never
  })

  it('an empty file is refused; 10 MB is accepted and 10 MB + 1 byte refused as too large', () => {
    expect(checkAttachment(new Uint8Array(0))).toEqual({ ok: false, reason: 'empty' })
    const atLimit = new Uint8Array(MAX_ATTACHMENT_BYTES)
    atLimit.set([0xff, 0xd8, 0xff])
    expect(checkAttachment(atLimit)).toEqual({ ok: true, type: 'jpeg' })
    const over = new Uint8Array(MAX_ATTACHMENT_BYTES + 1)
    over.set([0xff, 0xd8, 0xff])
    expect(checkAttachment(over)).toEqual({ ok: false, reason: 'tooLarge' })
    expect(MAX_ATTACHMENT_BYTES).toBe(10 * 1024 * 1024)
  })

  it('the channel input lets a file just over the limit through to main (refused there in words), not one far over', () => {
    const input = (n: number) => ({ id: 'c1', fileName: 'a.jpg', base64: 'A'.repeat(base64Length(n)) })
    expect(AddAttachmentInput.safeParse(input(MAX_ATTACHMENT_BYTES + 1)).success).toBe(true)
    const far = AddAttachmentInput.safeParse(input(MAX_ATTACHMENT_BYTES * 2))
    expect(far.success).toBe(false)
    expect(far.error?.issues[0]).toMatchObject({ path: ['base64'], message: 'validation.tooLarge' })
    expect(AddAttachmentInput.parse(input(10)).caption).toBe('')
  })

  it('sizes read in words; the picker offers images and PDF', () => {
    expect(formatBytes(MAX_ATTACHMENT_BYTES)).toBe('10.0 MB')
    expect(formatBytes(2048)).toBe('2 KB')
    expect(formatBytes(12)).toBe('12 B')
    expect(ATTACHMENT_ACCEPT).toContain('application/pdf')
  })
})
