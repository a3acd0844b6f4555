import { z } from 'zod'
import { GeneratedFile } from '../schemas/files'
import { CaseDetail, CaseDraft, CaseList, CaseQuery, ClassifyPreviewInput } from '../schemas/case'
import { HomeSummary } from '../schemas/home'
import { ExportCsvInput, ExportCsvUnmaskedInput } from '../schemas/exports'
import { ExportBundleInput, ImportBundleInput, ImportResult } from '../schemas/bundle'
import { WeeklyQuery, WeeklyReport } from '../schemas/weekly'
import { Handover, HandoverSnapshot, PrepareHandoverInput, SubmitHandoverInput } from '../schemas/handover'
import { BackupRow, CreateBackupInput, Recovery, RestoreBackupInput } from '../schemas/backups'
import {
  CompensationOption,
  CostQuery,
  CostTotals,
  DecideOfferInput,
  ExecuteOfferInput,
  MakeOfferInput,
} from '../schemas/compensation'
import { ManagerApproval } from '../schemas/common'
import { WorkflowSettings } from '../schemas/settings'
import {
  AddCommitmentInput,
  FollowUpInput,
  KeepCommitmentInput,
  LowerClassInput,
  OralReportInput,
  RaiseClassInput,
  ReagreeCommitmentInput,
  ClassificationSchema,
  RecordEscalationInput,
  ReviewInput,
  SubmitWrittenReportInput,
  TakeOverInput,
  TickStepInput,
  TransitionInput,
} from '../schemas/workflow'
import { Id } from '../schemas/common'
import {
  AddDepartmentInput,
  AddStaffInput,
  Branch,
  Department,
  Locale,
  ResetPinInput,
  Session,
  SetupInput,
  SignInInput,
  StaffPublic,
} from '../schemas/staff'

const None = z.undefined()
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.dateTime' })

export const StoreState = z.object({
  state: z.enum(['ok', 'corrupt', 'too_new', 'locked']),
  dataFile: z.string(),
  detail: z.string().optional(),
  /** Set when a damaged file was found at start and a backup was put back. */
  recovery: Recovery.nullable(),
})

export const AppStatus = z.object({
  store: StoreState,
  setupNeeded: z.boolean(),
  branch: Branch.nullable(),
  locale: Locale,
  session: Session.nullable(),
  /** checking: the chain is still being walked in the background after start. */
  audit: z.object({
    ok: z.boolean(),
    entries: z.number().int(),
    brokenAt: z.number().int().optional(),
    checking: z.boolean().optional(),
  }),
  /** desktop: PDFs are saved, opened and printed through Electron; browser: downloaded. */
  host: z.enum(['desktop', 'browser']),
})
export type AppStatus = z.infer<typeof AppStatus>

/**
 * Every channel, declared once. `auth: 'public'` channels may be called before sign-in;
 * all others need a signed-in member of staff. The preload, the IPC registration and the
 * browser bridge are all derived from this object.
 */
export const contract = {
  'app:status': { input: None, output: AppStatus, auth: 'public' },
  'app:setLocale': { input: z.object({ locale: Locale }), output: Locale, auth: 'public' },
  'setup:init': { input: SetupInput, output: Session, auth: 'public' },
  'auth:listStaff': { input: None, output: z.array(StaffPublic), auth: 'public' },
  'auth:signIn': { input: SignInInput, output: Session, auth: 'public' },
  'auth:signOut': { input: None, output: z.null(), auth: 'public' },
  'staff:add': { input: AddStaffInput, output: StaffPublic, auth: 'session' },
  'staff:resetPin': { input: ResetPinInput, output: StaffPublic, auth: 'session' },
  'departments:list': { input: None, output: z.array(Department), auth: 'session' },
  'departments:add': { input: AddDepartmentInput, output: Department, auth: 'session' },
  'cases:create': { input: CaseDraft, output: CaseDetail, auth: 'session' },
  'cases:list': { input: CaseQuery, output: CaseList, auth: 'session' },
  'cases:exportCsv': { input: ExportCsvInput, output: GeneratedFile, auth: 'session' },
  'cases:exportCsvUnmasked': { input: ExportCsvUnmaskedInput, output: GeneratedFile, auth: 'session' },
  'data:exportBundle': { input: ExportBundleInput, output: GeneratedFile, auth: 'session' },
  'data:importBundle': { input: ImportBundleInput, output: ImportResult, auth: 'session' },
  'cases:get': { input: z.object({ id: Id }), output: CaseDetail, auth: 'session' },
  'cases:classify': {
    input: ClassifyPreviewInput,
    output: ClassificationSchema,
    auth: 'session',
  },
  'cases:raiseClass': { input: RaiseClassInput, output: CaseDetail, auth: 'session' },
  'cases:lowerClass': { input: LowerClassInput, output: CaseDetail, auth: 'session' },
  'cases:recordEscalation': { input: RecordEscalationInput, output: CaseDetail, auth: 'session' },
  'cases:takeOver': { input: TakeOverInput, output: CaseDetail, auth: 'session' },
  'cases:tickStep': { input: TickStepInput, output: CaseDetail, auth: 'session' },
  'cases:transition': { input: TransitionInput, output: CaseDetail, auth: 'session' },
  'cases:recordOralReport': { input: OralReportInput, output: CaseDetail, auth: 'session' },
  'cases:submitWrittenReport': { input: SubmitWrittenReportInput, output: CaseDetail, auth: 'session' },
  'cases:recordFollowUp': { input: FollowUpInput, output: CaseDetail, auth: 'session' },
  'cases:recordReview': { input: ReviewInput, output: CaseDetail, auth: 'session' },
  'cases:requestReview': { input: z.object({ id: Id }), output: CaseDetail, auth: 'session' },
  'commitments:add': { input: AddCommitmentInput, output: CaseDetail, auth: 'session' },
  'commitments:keep': { input: KeepCommitmentInput, output: CaseDetail, auth: 'session' },
  'commitments:reagree': { input: ReagreeCommitmentInput, output: CaseDetail, auth: 'session' },
  'compensation:propose': { input: z.object({ id: Id }), output: z.array(CompensationOption), auth: 'session' },
  'compensation:offer': { input: MakeOfferInput, output: CaseDetail, auth: 'session' },
  'compensation:decide': { input: DecideOfferInput, output: CaseDetail, auth: 'session' },
  'compensation:execute': { input: ExecuteOfferInput, output: CaseDetail, auth: 'session' },
  'compensation:totals': { input: CostQuery, output: CostTotals, auth: 'session' },
  'reports:caseReceipt': { input: z.object({ id: Id }), output: GeneratedFile, auth: 'session' },
  'reports:writtenReport': {
    input: z.object({ id: Id }),
    output: GeneratedFile.extend({ case: CaseDetail }),
    auth: 'session',
  },
  'backups:list': { input: None, output: z.array(BackupRow), auth: 'session' },
  'backups:create': { input: CreateBackupInput, output: BackupRow, auth: 'session' },
  'backups:restore': { input: RestoreBackupInput, output: z.null(), auth: 'session' },
  'reports:oralLog': {
    input: z
      .object({ from: Day, to: Day })
      .refine((r) => r.from <= r.to, { message: 'validation.invalid', path: ['to'] }),
    output: GeneratedFile,
    auth: 'session',
  },
  'reports:handoverSheet': { input: z.object({ id: Id }), output: GeneratedFile, auth: 'session' },
  'reports:weekly': { input: WeeklyQuery, output: WeeklyReport, auth: 'session' },
  'reports:weeklyPdf': { input: WeeklyQuery, output: GeneratedFile, auth: 'session' },
  'files:savePdf': {
    input: z.object({ fileName: z.string().min(1).max(120), base64: z.string().min(1).max(50_000_000) }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
    auth: 'session',
  },
  'files:openPdf': { input: z.object({ path: z.string().min(1).max(1000) }), output: z.boolean(), auth: 'session' },
  'files:printPdf': {
    input: z.object({ fileName: z.string().min(1).max(120), base64: z.string().min(1).max(50_000_000) }),
    output: z.boolean(),
    auth: 'session',
  },
  'handover:prepare': { input: PrepareHandoverInput, output: HandoverSnapshot, auth: 'session' },
  'handover:submit': { input: SubmitHandoverInput, output: Handover, auth: 'session' },
  'handover:list': { input: None, output: z.array(Handover), auth: 'session' },
  'home:summary': { input: None, output: HomeSummary, auth: 'session' },
  'settings:get': { input: None, output: WorkflowSettings, auth: 'session' },
  'settings:update': {
    input: z.object({ workflow: WorkflowSettings, approval: ManagerApproval }),
    output: WorkflowSettings,
    auth: 'session',
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType; auth: 'public' | 'session' }>

export type Contract = typeof contract
export type Channel = keyof Contract
export const CHANNEL_NAMES = Object.keys(contract) as Channel[]

export type InputOf<C extends Channel> = z.input<Contract[C]['input']>
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>

/** The renderer-facing API: one async function per channel, results as data. */
export type Api = {
  [C in Channel]: (
    ...args: InputOf<C> extends undefined ? [] : [input: InputOf<C>]
  ) => Promise<import('./result').Result<OutputOf<C>>>
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}
