import type { workflowChannels } from '@shared/ipc/channels/workflow'
import { addCommitment, keepCommitment, reagreeCommitment } from '../commitments'
import { assignCase } from '../owners'
import {
  addNote,
  applyTransition,
  lowerClass,
  raiseClass,
  recordEscalation,
  recordFollowUp,
  recordOralReport,
  recordCustomerUpdate,
  recordReview,
  requestReview,
  submitWrittenReport,
  takeOver,
  tickStep,
} from '../workflow'
import type { HandlersFor } from './types'

export const workflowHandlers: HandlersFor<typeof workflowChannels> = {
  'cases:raiseClass': (input, ctx) => raiseClass(ctx, input),
  'cases:lowerClass': (input, ctx) => lowerClass(ctx, input),
  'cases:recordEscalation': (input, ctx) => recordEscalation(ctx, input),
  'cases:takeOver': (input, ctx) => takeOver(ctx, input),
  'cases:tickStep': (input, ctx) => tickStep(ctx, input),
  'cases:transition': (input, ctx) => applyTransition(ctx, input),
  'cases:recordOralReport': (input, ctx) => recordOralReport(ctx, input),
  'cases:submitWrittenReport': (input, ctx) => submitWrittenReport(ctx, input),
  'cases:recordFollowUp': (input, ctx) => recordFollowUp(ctx, input),
  'cases:recordReview': (input, ctx) => recordReview(ctx, input),
  'cases:requestReview': (input, ctx) => requestReview(ctx, input),
  'cases:addNote': (input, ctx) => addNote(ctx, input),
  'cases:recordCustomerUpdate': (input, ctx) => recordCustomerUpdate(ctx, input),
  'cases:assign': (input, ctx) => assignCase(ctx, input),
  'commitments:add': (input, ctx) => addCommitment(ctx, input),
  'commitments:keep': (input, ctx) => keepCommitment(ctx, input),
  'commitments:reagree': (input, ctx) => reagreeCommitment(ctx, input),
}
