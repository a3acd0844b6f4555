import { z } from 'zod'
import { channels } from './spec'

const OutgoingFile = z.object({ fileName: z.string().min(1).max(120), base64: z.string().min(1).max(50_000_000) })

/** The desktop app's file actions (the browser host downloads instead). */
export const fileChannels = channels({
  'files:savePdf': {
    input: OutgoingFile,
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
    auth: 'session',
  },
  'files:openPdf': { input: z.object({ path: z.string().min(1).max(1000) }), output: z.boolean(), auth: 'session' },
  'files:printPdf': { input: OutgoingFile, output: z.boolean(), auth: 'session' },
})
