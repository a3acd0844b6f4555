import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { DocDefinition } from './docs/types'
import { renderPdf } from './render'
import { unpackedPath } from './unpacked'

type Pending = { resolve: (b: Buffer) => void; reject: (e: Error) => void }
let worker: Worker | null = null
let nextId = 1
const pending = new Map<number, Pending>()

/**
 * The built worker (out/main/pdfWorker.js) beside this chunk or one folder up; absent when running from source.
 * In the installed app it is started from app.asar.unpacked, where its imports are real files too.
 */
function workerFile(): string | null {
  for (const rel of ['./pdfWorker.js', '../pdfWorker.js']) {
    const path = unpackedPath(fileURLToPath(new URL(rel, import.meta.url)))
    if (existsSync(path)) return path
  }
  return null
}

function getWorker(): Worker | null {
  if (worker) return worker
  const file = workerFile()
  if (!file) return null
  worker = new Worker(file)
  worker.unref() // never keeps the app alive on its own
  worker.on('message', (m: { id: number; ok: boolean; bytes?: Uint8Array; message?: string }) => {
    const p = pending.get(m.id)
    pending.delete(m.id)
    if (!p) return
    if (m.ok) p.resolve(Buffer.from(m.bytes!))
    else p.reject(new Error(m.message))
  })
  worker.on('error', (err) => {
    for (const p of pending.values()) p.reject(err)
    pending.clear()
    worker = null
  })
  return worker
}

/**
 * Renders in a worker thread when the built worker is there (the app and the browser host);
 * from source (unit tests) it renders in-process, the same code either way.
 */
export function renderPdfOffThread(doc: DocDefinition): Promise<Buffer> {
  const w = getWorker()
  if (!w) return renderPdf(doc)
  const id = nextId++
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    w.postMessage({ id, doc })
  })
}
