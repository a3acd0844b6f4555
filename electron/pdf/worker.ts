import { parentPort } from 'node:worker_threads'
import { renderPdf } from './render'
import type { DocDefinition } from './docs/types'

// Renders PDFs off the main thread: laying out a long CJK report takes hundreds of
// milliseconds, during which the main process could not answer the window or IPC.
parentPort?.on('message', async ({ id, doc }: { id: number; doc: DocDefinition }) => {
  try {
    const bytes = await renderPdf(doc)
    parentPort!.postMessage({ id, ok: true, bytes })
  } catch (err) {
    parentPort!.postMessage({ id, ok: false, message: (err as Error).message })
  }
})
