import { z } from 'zod'

/** A file made in main (PDF, CSV, data bundle), base64-encoded so it crosses IPC and HTTP as JSON. */
export const GeneratedFile = z.object({ fileName: z.string(), base64: z.string() })
export type GeneratedFile = z.infer<typeof GeneratedFile>
