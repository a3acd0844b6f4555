import { execFileSync } from 'node:child_process'

/** Whether poppler-utils (pdftotext, pdffonts, pdftoppm) can read PDFs back here; CI installs them. */
export const HAS_POPPLER = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
