/**
 * Evidence attachments (证据附件, docs/domain.md §2a): what a file may be and how big, decided
 * by its content, never its name. One place for the limit: the renderer checks it before
 * sending, main checks it again on what arrives.
 */

/** At most 10 MB a file (10 × 1024 × 1024 bytes). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

/** The kinds accepted, as detected from the first bytes. */
export const ATTACHMENT_TYPES = ['jpeg', 'png', 'webp', 'gif', 'pdf'] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]

export const ATTACHMENT_MIME: Record<AttachmentType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  pdf: 'application/pdf',
}

/** What the file picker offers (a hint only: the content decides). */
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,application/pdf'

export const isImage = (type: AttachmentType): boolean => type !== 'pdf'

/** Base64 length of `bytes` bytes (what crosses IPC and HTTP). */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x)
const ascii = (s: string): number[] => [...s].map((ch) => ch.charCodeAt(0))

/** The file's kind from its magic bytes, or null when it is none of ATTACHMENT_TYPES. */
export function sniffAttachment(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf'
  return null
}

/** Why a file is refused (i18n `attachments.refused.<reason>`). */
export type AttachmentRefusal = 'empty' | 'tooLarge' | 'type'

/** The check main and the renderer both make: empty, too large, or not an image or PDF by content. */
export function checkAttachment(
  bytes: Uint8Array,
): { ok: true; type: AttachmentType } | { ok: false; reason: AttachmentRefusal } {
  if (bytes.length === 0) return { ok: false, reason: 'empty' }
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'tooLarge' }
  const type = sniffAttachment(bytes)
  return type ? { ok: true, type } : { ok: false, reason: 'type' }
}

/** A size in words: "1.2 MB", "340 KB", "12 B". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} B`
}
