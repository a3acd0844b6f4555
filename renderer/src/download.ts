/** Hands a PDF made in main to the user as a download (browser host) or a saved file (Electron). */
export function downloadPdf(file: { fileName: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (ch) => ch.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
