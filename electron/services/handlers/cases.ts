import type { caseChannels } from '@shared/ipc/channels/cases'
import { createCase, editCase, getCase, listCases, previewClassification } from '../cases'
import { clearDraft, getDraft, saveDraft } from '../drafts'
import { exportCsv } from '../exports'
import type { HandlersFor } from './types'

export const caseHandlers: HandlersFor<typeof caseChannels> = {
  'cases:create': (input, ctx) => createCase(ctx, input),
  'cases:list': (input, ctx) => listCases(ctx, input),
  'cases:get': ({ id }, ctx) => getCase(ctx, id),
  'cases:edit': (input, ctx) => editCase(ctx, input),
  'cases:classify': (input, ctx) => previewClassification(ctx, input),
  'drafts:get': (_input, ctx) => getDraft(ctx),
  'drafts:save': ({ values }, ctx) => saveDraft(ctx, values),
  'drafts:clear': (_input, ctx) => clearDraft(ctx),
  'cases:exportCsv': (input, ctx) => exportCsv(ctx, input),
  'cases:exportCsvUnmasked': (input, ctx) => exportCsv(ctx, input),
}
