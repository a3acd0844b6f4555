import { z } from 'zod'
import {
  AcknowledgeRecoveryInput,
  BackupRow,
  CreateBackupInput,
  RestoreBackupInput,
  SetAside,
  StartAfreshInput,
} from '../../schemas/backups'
import { ExportBundleInput, ImportBundleInput, ImportResult } from '../../schemas/bundle'
import { GeneratedFile } from '../../schemas/files'
import { channels, None } from './spec'

export const dataChannels = channels({
  'backups:list': { input: None, output: z.array(BackupRow), auth: 'session' },
  'backups:create': { input: CreateBackupInput, output: BackupRow, auth: 'manager' },
  'backups:restore': { input: RestoreBackupInput, output: z.null(), auth: 'manager' },
  'backups:acknowledgeRecovery': { input: AcknowledgeRecoveryInput, output: z.null(), auth: 'manager' },
  /** Data missing (no live file beside earlier data): puts the newest backup back. Public: nobody can sign in then. */
  'backups:restoreMissing': { input: None, output: z.null(), auth: 'public' },
  /** Damaged or missing data and no usable backup: sets it all aside and starts as a new installation. Public, as above. */
  'data:startAfresh': { input: StartAfreshInput, output: SetAside, auth: 'public' },
  'data:exportBundle': { input: ExportBundleInput, output: GeneratedFile, auth: 'manager' },
  'data:importBundle': { input: ImportBundleInput, output: ImportResult, auth: 'manager' },
})
