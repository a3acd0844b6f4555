import { CaseDetail } from '../../schemas/case'
import {
  AddCommitmentInput,
  AddNoteInput,
  AssignInput,
  CustomerUpdateInput,
  FollowUpInput,
  KeepCommitmentInput,
  LowerClassInput,
  OralReportInput,
  RaiseClassInput,
  ReagreeCommitmentInput,
  RecordEscalationInput,
  ReviewInput,
  SubmitWrittenReportInput,
  TakeOverInput,
  TickStepInput,
  TransitionInput,
} from '../../schemas/workflow'
import { ById, channels } from './spec'

export const workflowChannels = channels({
  'cases:raiseClass': { input: RaiseClassInput, output: CaseDetail, auth: 'session' },
  'cases:lowerClass': { input: LowerClassInput, output: CaseDetail, auth: 'manager' },
  'cases:recordEscalation': { input: RecordEscalationInput, output: CaseDetail, auth: 'session' },
  'cases:takeOver': { input: TakeOverInput, output: CaseDetail, auth: 'manager' },
  'cases:tickStep': { input: TickStepInput, output: CaseDetail, auth: 'session' },
  'cases:transition': { input: TransitionInput, output: CaseDetail, auth: 'session', managerWhen: ['void'] },
  'cases:recordOralReport': { input: OralReportInput, output: CaseDetail, auth: 'session' },
  'cases:submitWrittenReport': { input: SubmitWrittenReportInput, output: CaseDetail, auth: 'session' },
  'cases:recordFollowUp': { input: FollowUpInput, output: CaseDetail, auth: 'session' },
  'cases:recordReview': { input: ReviewInput, output: CaseDetail, auth: 'session' },
  'cases:requestReview': { input: ById, output: CaseDetail, auth: 'session' },
  /** An internal note (staff only; never on the customer's receipt). */
  'cases:addNote': { input: AddNoteInput, output: CaseDetail, auth: 'session' },
  /** The customer was told of progress: when, how, what was said. */
  'cases:recordCustomerUpdate': { input: CustomerUpdateInput, output: CaseDetail, auth: 'session' },
  /** A new 负责人, or a handoff to another department, with a note. */
  'cases:assign': { input: AssignInput, output: CaseDetail, auth: 'session' },
  'commitments:add': { input: AddCommitmentInput, output: CaseDetail, auth: 'session' },
  'commitments:keep': { input: KeepCommitmentInput, output: CaseDetail, auth: 'session' },
  'commitments:reagree': { input: ReagreeCommitmentInput, output: CaseDetail, auth: 'session' },
})
