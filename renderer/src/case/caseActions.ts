import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import type { StaffPublic } from '@shared/schemas/staff'
import type { WorkflowSettings } from '@shared/schemas/settings'

/** What every panel of the case page needs. */
export interface CasePanelProps {
  c: CaseDetail
  /** Runs an API call that returns the updated case and shows it. */
  act: (call: Promise<Result<CaseDetail>>) => Promise<Result<CaseDetail>>
  managers: StaffPublic[]
  /** The signed-in manager approves by default; a clerk picks one. */
  defaultApprover: string
  settings: WorkflowSettings
  lang: 'zh' | 'en'
}
