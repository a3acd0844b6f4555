import { z } from 'zod'
import { Case } from './case'
import { EvidenceHash } from './attachments'
import { ManagerApproval } from './common'
import { Branch, Department } from './staff'

export const BUNDLE_FORMAT = 'complaint-desk-bundle'
/** 2: carries the evidence files (version 1 bundles, made before attachments, still import). */
export const BUNDLE_VERSION = 2

/** Instants as the app writes them (the list compares them as text). */
const IsoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)

/**
 * A branch's complaints for head office: the branch, its departments and every case (live
 * and archived). Staff, PINs, settings and the audit trail stay in the branch.
 */
export const Bundle = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: IsoInstant,
  branch: Branch.extend({ code: z.string().min(1).max(20) }),
  departments: z.array(Department),
  cases: z.array(Case.extend({ receivedAt: IsoInstant })),
  /** The evidence files the cases' attachments name, base64 by SHA-256 (version 2). */
  evidence: z.record(EvidenceHash, z.string()).optional(),
})
export type Bundle = z.infer<typeof Bundle>

export const ExportBundleInput = z.object({ approval: ManagerApproval })
/** The bundle file as the user picked it (gzip-compressed JSON, or plain JSON). */
export const ImportBundleInput = z.object({
  fileName: z.string().min(1).max(200),
  base64: z.string().min(1).max(200_000_000),
  approval: ManagerApproval,
})

export const ImportConflict = z.object({
  branchCode: z.string(),
  number: z.string(),
  id: z.string(),
  fields: z.array(z.string()),
})
export const ImportResult = z.object({
  branch: Branch,
  added: z.number().int(),
  unchanged: z.number().int(),
  departmentsAdded: z.number().int(),
  /** Cases already here with different content: reported, never overwritten. */
  conflicts: z.array(ImportConflict),
})
export type ImportResult = z.infer<typeof ImportResult>
