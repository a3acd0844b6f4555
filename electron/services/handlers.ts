import type { z } from 'zod'
import type { AppStatus, Channel, Contract, OutputOf } from '@shared/ipc/contract'
import { actorOf, appendAudit, type DesktopActions, type ServiceContext } from './context'
import { AppError } from './errors'
import { signIn } from './auth'
import { createCase, getCase, listCases, previewClassification } from './cases'
import { addCommitment, keepCommitment, reagreeCommitment } from './commitments'
import { exportCsv } from './exports'
import { exportBundle, importBundle } from './bundle'
import { costTotals, decideOffer, executeOffer, makeOffer, proposeFor } from './compensation'
import { homeSummary } from './home'
import { backupList, createBackup, restoreBackup } from './backups'
import { caseReceipt, class2Report, handoverSheet, oralReportLog, weeklyFigures, weeklyPdf } from './reports'
import { listHandovers, prepareHandover, submitHandover } from './handover'
import { getWorkflowSettings, updateWorkflowSettings } from './settings'
import {
  applyTransition,
  lowerClass,
  raiseClass,
  recordEscalation,
  recordFollowUp,
  recordOralReport,
  recordReview,
  requestReview,
  submitWrittenReport,
  takeOver,
  tickStep,
} from './workflow'
import { addDepartment, addStaff, initialise, listDepartments, listStaff, resetPin, setupNeeded } from './staff'

export type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
  ctx: ServiceContext,
) => Promise<OutputOf<C>> | OutputOf<C>
export type Handlers = { [C in Channel]: Handler<C> }

function status(ctx: ServiceContext): AppStatus {
  const { store } = ctx
  return {
    store: { state: store.state, dataFile: store.file, detail: store.detail, recovery: store.recovery },
    setupNeeded: store.state === 'ok' && setupNeeded(ctx),
    branch: store.data.branch,
    locale: store.data.settings.locale,
    session: ctx.session,
    // Checked when the data was opened; later entries are chained by the app itself.
    audit: { ...ctx.audit.current, entries: Math.max(ctx.audit.current.entries, store.auditEntries) },
    host: ctx.desktop ? 'desktop' : 'browser',
  }
}

/** One handler per contract channel; the type makes a missing or extra channel a compile error. */
export const handlers: Handlers = {
  'app:status': (_input, ctx) => status(ctx),
  'app:setLocale': async ({ locale }, ctx) => {
    await ctx.store.update((d) => {
      const before = d.settings.locale
      d.settings.locale = locale
      if (before !== locale) {
        appendAudit(d, {
          at: ctx.now().toISOString(),
          by: actorOf(ctx),
          action: 'settings.locale',
          target: 'locale',
          changes: [{ field: 'locale', before, after: locale }],
        })
      }
    })
    return locale
  },
  'setup:init': (input, ctx) => initialise(ctx, input),
  'auth:listStaff': (_input, ctx) => listStaff(ctx),
  'auth:signIn': (input, ctx) => signIn(ctx, input),
  'auth:signOut': (_input, ctx) => {
    ctx.sessions.end(ctx.caller)
    return null
  },
  'staff:add': (input, ctx) => addStaff(ctx, input),
  'staff:resetPin': (input, ctx) => resetPin(ctx, input),
  'departments:list': (_input, ctx) => listDepartments(ctx),
  'departments:add': (input, ctx) => addDepartment(ctx, input),
  'cases:create': (input, ctx) => createCase(ctx, input),
  'cases:list': (input, ctx) => listCases(ctx, input),
  'cases:get': ({ id }, ctx) => getCase(ctx, id),
  'cases:classify': (input, ctx) => previewClassification(ctx, input),
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
  'commitments:add': (input, ctx) => addCommitment(ctx, input),
  'commitments:keep': (input, ctx) => keepCommitment(ctx, input),
  'commitments:reagree': (input, ctx) => reagreeCommitment(ctx, input),
  'compensation:propose': ({ id }, ctx) => proposeFor(ctx, id),
  'compensation:offer': (input, ctx) => makeOffer(ctx, input),
  'compensation:decide': (input, ctx) => decideOffer(ctx, input),
  'compensation:execute': (input, ctx) => executeOffer(ctx, input),
  'compensation:totals': (input, ctx) => costTotals(ctx, input),
  'reports:caseReceipt': ({ id }, ctx) => caseReceipt(ctx, id),
  'reports:writtenReport': ({ id }, ctx) => class2Report(ctx, id),
  'backups:list': (_input, ctx) => backupList(ctx),
  'backups:create': (_input, ctx) => createBackup(ctx),
  'backups:restore': (input, ctx) => restoreBackup(ctx, input),
  'reports:oralLog': (input, ctx) => oralReportLog(ctx, input),
  'reports:handoverSheet': ({ id }, ctx) => handoverSheet(ctx, id),
  'reports:weekly': (input, ctx) => weeklyFigures(ctx, input),
  'reports:weeklyPdf': (input, ctx) => weeklyPdf(ctx, input),
  'cases:exportCsv': (input, ctx) => exportCsv(ctx, input),
  'cases:exportCsvUnmasked': (input, ctx) => exportCsv(ctx, input),
  'data:exportBundle': (_input, ctx) => exportBundle(ctx),
  'data:importBundle': (input, ctx) => importBundle(ctx, input),
  'files:savePdf': ({ fileName, base64 }, ctx) =>
    desktopOnly(ctx).savePdf(safeName(fileName), Buffer.from(base64, 'base64')),
  'files:openPdf': ({ path }, ctx) => desktopOnly(ctx).openPdf(path),
  'files:printPdf': ({ fileName, base64 }, ctx) =>
    desktopOnly(ctx).printPdf(safeName(fileName), Buffer.from(base64, 'base64')),
  'handover:prepare': ({ hours }, ctx) => prepareHandover(ctx, hours),
  'handover:submit': (input, ctx) => submitHandover(ctx, input),
  'handover:list': (_input, ctx) => listHandovers(ctx),
  'home:summary': (_input, ctx) => homeSummary(ctx),
  'settings:get': (_input, ctx) => getWorkflowSettings(ctx),
  'settings:update': (input, ctx) => updateWorkflowSettings(ctx, input),
}

function desktopOnly(ctx: ServiceContext): DesktopActions {
  if (!ctx.desktop) throw new AppError('NOT_ALLOWED', {}, 'refusals.desktop_only')
  return ctx.desktop
}

/** A file name from the renderer never carries a path. */
function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_')
}
