import { z } from 'zod'
import { GeneratedFile } from '../../schemas/files'
import {
  HqBranch,
  HqBranchWeek,
  HqBranchWeekQuery,
  HqCasePage,
  HqCaseQuery,
  HqCaseRef,
  HqCaseView,
  HqInboxPage,
  HqInboxQuery,
  HqPatternQuery,
  HqPatterns,
  HqSignInput,
  HqWeekOverview,
  HqWeekQuery,
} from '../../schemas/headquarters'
import { HeadOfficeAck } from '../../schemas/workflow'
import { channels, None } from './spec'

/**
 * Head office mode (总部; docs/architecture.md, "Head office mode"): every branch's cases read
 * from PostgreSQL. Refused in a branch's installation. Head office never edits a branch's case;
 * its one write, the 签收 of a Class 2 written report, needs a manager and goes back to the branch.
 */
export const headquartersChannels = channels({
  'hq:branches': { input: None, output: z.array(HqBranch), auth: 'session' },
  /** 全部投诉: list and search across branches, newest first, a page at a time (`after`). */
  'hq:cases': { input: HqCaseQuery, output: HqCasePage, auth: 'session' },
  /** One case, read-only. */
  'hq:case': { input: HqCaseRef, output: HqCaseView, auth: 'session' },
  /** 周报: every branch's week at a glance. */
  'hq:weekly': { input: HqWeekQuery, output: HqWeekOverview, auth: 'session' },
  /** That overview on paper: totals, the busiest branches' chart, every branch's row. */
  'hq:weeklyOverviewPdf': { input: HqWeekQuery, output: GeneratedFile, auth: 'session' },
  /** One branch's week per department (the branch's own report), and its PDF. */
  'hq:branchWeekly': { input: HqBranchWeekQuery, output: HqBranchWeek, auth: 'session' },
  'hq:weeklyPdf': { input: HqBranchWeekQuery, output: GeneratedFile, auth: 'session' },
  /** 二类报告签收: the inbox, and 签收 with a comment. */
  'hq:reports': { input: HqInboxQuery, output: HqInboxPage, auth: 'session' },
  'hq:signReport': { input: HqSignInput, output: HeadOfficeAck, auth: 'manager' },
  /** 跨店规律: the same category or product/model/batch words in several branches within N days. */
  'hq:patterns': { input: HqPatternQuery, output: HqPatterns, auth: 'session' },
})
