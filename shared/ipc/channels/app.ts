import { z } from 'zod'
import { MissingData, Recovery, SetAside, UnreadSaves } from '../../schemas/backups'
import { Branch, INSTALLATION_KINDS, Locale, Session } from '../../schemas/staff'
import { channels, None } from './spec'

export const StoreState = z.object({
  state: z.enum(['ok', 'corrupt', 'too_new', 'locked', 'read_only', 'missing']),
  dataFile: z.string(),
  detail: z.string().optional(),
  /** Set when a damaged file was found at start and a backup was put back. */
  recovery: Recovery.nullable(),
  /** State 'missing': no live file, but earlier data (what was found) and the backup that can be put back. */
  missing: MissingData.nullable(),
  /** Saves found unreadable in the journal at start and set aside; shown until a manager acknowledges them. */
  unreadSaves: z.array(UnreadSaves),
  /** Unreadable data a fresh start moved into a folder of its own; shown until a manager acknowledges it. */
  setAside: SetAside.nullable(),
  /** What else the user is told about the data: keys under store.notices (i18n) with their values. */
  /** Archive months (YYYY-MM) found damaged or missing: their cases cannot be opened until a backup is restored. */
  archiveProblems: z.array(z.string()),
  notices: z.array(
    z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  ),
})

export const AppStatus = z.object({
  store: StoreState,
  setupNeeded: z.boolean(),
  branch: Branch.nullable(),
  /** A branch's desk, or head office (set at first run; docs/architecture.md, "Head office mode"). */
  mode: z.enum(INSTALLATION_KINDS),
  locale: Locale,
  /** The caller's own session (per window or browser tab), not the host's. */
  session: Session.nullable(),
  /** checking: the chain is still being walked in the background after start. */
  audit: z.object({
    ok: z.boolean(),
    entries: z.number().int(),
    brokenAt: z.number().int().optional(),
    /** The trail was recorded to hold this many entries and holds fewer (or ends elsewhere): cut outside the app. */
    expected: z.number().int().optional(),
    checking: z.boolean().optional(),
  }),
  /** desktop: PDFs are saved, opened and printed through Electron; browser: downloaded. */
  host: z.enum(['desktop', 'browser']),
})
export type AppStatus = z.infer<typeof AppStatus>

export const appChannels = channels({
  'app:status': { input: None, output: AppStatus, auth: 'public' },
  'app:setLocale': { input: z.object({ locale: Locale }), output: Locale, auth: 'public' },
})
