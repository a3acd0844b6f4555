const TYPES: Record<string, string> = { pdf: 'application/pdf', csv: 'text/csv;charset=utf-8', gz: 'application/gzip' }

/** Hands a file made in main (a PDF, a CSV) to the user as a download (browser host). */
export function downloadFile(file: { fileName: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (ch) => ch.charCodeAt(0))
  const type = TYPES[file.fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream'
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
