/**
 * The store's one door (docs/architecture.md, "Data"): services import from here and from
 * nowhere else under electron/store (a lint rule keeps it so). What is not exported here
 * (the journal, the audit log's files, the archive's files, backup files) is the store's own.
 */
export {
  BackupUnusableError,
  Store,
  StoreUnavailableError,
  type Recovery,
  type SetAside,
  type StoreNotice,
  type StoreOptions,
  type StoreState,
} from './store'
export { BackupIncompleteError } from './backups'
export { EvidenceDamagedError } from './evidence'
export { DiskFullError, isDiskFull } from './errors'
export { fsyncDir, writeFileDurable } from './durableFile'
export { DRAFTS_DIR } from './freshStart'
export type { AuditEntry, DbData, Draft, PinHash, StaffRecord } from './schema'
export { canonical, chainAfter, type AuditVerdict } from './auditChain'
export { ArchiveMonthDamagedError, toRow, type ArchiveRow } from './archive'
export type { BackupInfo } from './backups'
export { storePolicy, type StorePolicy } from './policy'
export type { OutboxEntry, OutboxPending } from './outbox'
