// Head office mode through the services on a real PostgreSQL (issue 16): an installation set up
// as 总部 reads every branch — list and search with a branch column and filters, one case
// read-only, the weekly tracking per branch and department (and its PDF), the Class 2 reports
// inbox whose 签收 reaches the branch's case, and cross-branch patterns.
import { beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { format } from 'date-fns'
import type { Case } from '@shared/schemas/case'
import { caseFlags } from '@shared/rules/deadlines'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { openServices, type Services } from '../../../electron/services'
import { openHeadquarters } from '../../../electron/headquarters'
import { startSync } from '../../../electron/sync'
import { pushCases } from '../../../electron/headoffice/push'
import { recordWrittenReportGenerated } from '../../../electron/services/workflow'
import { MANAGER_PIN, setUpBranch, TEST_SERVICE_OPTIONS, unwrap } from '../../support/services'
import { makeCase, validDraft } from '../../support/factories'
import { useTempDirs } from '../../support/tempDir'
import { createBranch, createHeadOffice, linkTo, NO_POSTGRES, usePostgres } from '../../support/postgres'
import { HAS_POPPLER } from '../../support/poppler'

const DAY = 86_400_000
const now = Date.now()
const ago = (days: number) => new Date(now - days * DAY).toISOString()
const staff = { id: 's1', name: '李娜' }

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await read()
    if (done(v) || Date.now() > end) return v
    await new Promise((r) => setTimeout(r, 250))
  }
}

let n = 0
function seed(branchCode: string, daysAgo: number, o: Partial<Case> = {}): Case {
  n++
  return makeCase({
    id: `${branchCode}-seed-${n}`,
    number: `KS-${format(new Date(now - daysAgo * DAY), 'yyyyMMdd')}-${String(n).padStart(4, '0')}`,
    branchCode,
    receivedAt: ago(daysAgo),
    createdAt: ago(daysAgo),
    status: 'in_progress',
    caseClass: 1,
    workflow: { ...emptyWorkflow(), steps: { ...emptyWorkflow().steps, listen: { at: ago(daysAgo), by: staff } } },
    ...o,
  })
}

/** What the branches have pushed (their own cases, as their own roles). */
const SEEDS: Case[] = [
  seed('SH01', 1, { product: '电饭煲 MB-40', description: '用了三天就不加热了' }),
  seed('SH01', 2, { product: '空气炸锅 AF-9', description: '冒烟', category: 'safety_health' }),
  seed('SH01', 1.5, { product: '酸奶', description: '批号 Y2611 胀包', category: 'product_quality' }),
  seed('SH01', 3, { caseClass: 2, category: 'service_attitude', description: '收银员辱骂顾客', product: '' }),
  seed('SH02', 4, { product: 'MB40 电饭煲', description: '内胆脱漆', customerName: '赵敏' }),
  seed('SH02', 5, { product: '空气炸锅 AF-9', description: '不加热', category: 'safety_health' }),
  seed('SH02', 3, { product: '酸奶', description: '批号Y2611，变质', category: 'product_quality' }),
  seed('BJ01', 10, { product: '', description: '买的ＭＢ－４０不加热', receiptNo: 'XP-777123' }),
  seed('BJ01', 16, { product: '酸奶', description: '批号 y2611 有异味', category: 'product_quality' }),
  seed('GZ01', 20, { product: 'MB-40', description: '按键失灵' }),
  seed('GZ01', 1, { product: '', description: '店员态度冷淡', category: 'service_attitude', status: 'closed' }),
]

describe.skipIf(NO_POSTGRES && !process.env.CI)(
  'head office mode (总部) on a real PostgreSQL',
  { timeout: 120_000 },
  () => {
    const cluster = usePostgres()
    const tempDir = useTempDirs()
    let hq: Services
    let managerId: string
    const link = () => linkTo(cluster(), 'ho_zhang')

    beforeAll(async () => {
      await createHeadOffice(cluster(), 'ho_zhang')
      const names: Record<string, string> = { SH01: '静安寺店', SH02: '徐家汇店', BJ01: '王府井店', GZ01: '天河店' }
      for (const [code, name] of Object.entries(names)) {
        await createBranch(cluster(), code, name)
        const branch = await cluster().connect(`branch_${code.toLowerCase()}`)
        await pushCases(
          branch,
          code,
          SEEDS.filter((c) => c.branchCode === code).map((doc) => ({
            caseId: doc.id,
            version: 1,
            doc,
            departmentName: '收银',
          })),
        )
        await branch.end()
      }
      // A fresh installation set up as head office, its link a head office login.
      // Its data folder lives as long as the file's tests (useTempDirs empties after each test).
      const hqDir = await mkdtemp(join(tmpdir(), 'complaint-desk-hq-'))
      hq = await openServices(hqDir, undefined, { ...TEST_SERVICE_OPTIONS, openHeadquarters })
      const status = unwrap(await hq.call('app:status'))
      expect(status).toMatchObject({ setupNeeded: true, mode: 'branch' })
      const session = unwrap(
        await hq.call('setup:init', {
          kind: 'headoffice',
          branch: { name: '华东总部', code: 'hq' },
          manager: { name: '张总监', pin: MANAGER_PIN, pinConfirm: MANAGER_PIN },
        }),
      )
      managerId = session.staff.id
      expect(unwrap(await hq.call('app:status'))).toMatchObject({
        setupNeeded: false,
        mode: 'headoffice',
        branch: { name: '华东总部', code: 'HQ', kind: 'headoffice' },
      })
      // Head office takes no complaints at a desk: no departments of its own.
      expect(unwrap(await hq.call('departments:list'))).toEqual([])
      const refused = await hq.call('hq:cases', {})
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'NOT_ALLOWED', message: expect.stringContaining('总部数据库连接') },
      })
      unwrap(await hq.call('headoffice:set', { ...link(), approval: { managerId, pin: MANAGER_PIN } }))
      return async () => {
        await hq.close()
        await rm(hqDir, { recursive: true, force: true })
      }
    })

    it('a branch installation refuses every head office channel, in words', async () => {
      const { services } = await setUpBranch(await tempDir())
      const r = await services.call('hq:cases', {})
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'NOT_ALLOWED', message: expect.stringContaining('不是总部') },
      })
      await services.close()
    })

    it('lists every branch’s cases newest first with the branch’s name, a page at a time', async () => {
      expect(unwrap(await hq.call('hq:branches')).map((b) => `${b.code} ${b.name}`)).toEqual([
        'BJ01 王府井店',
        'GZ01 天河店',
        'SH01 静安寺店',
        'SH02 徐家汇店',
      ])
      const seen: string[] = []
      let page = unwrap(await hq.call('hq:cases', { limit: 4 }))
      expect(page.rows[0]).toMatchObject({ branchCode: 'SH01', branchName: '静安寺店', departmentName: '收银' })
      for (;;) {
        seen.push(...page.rows.map((r) => r.caseId))
        if (!page.next) break
        page = unwrap(await hq.call('hq:cases', { limit: 4, after: page.next }))
      }
      // Newest first; cases received at the same moment by branch, then id (both descending).
      const newest = [...SEEDS]
        .sort(
          (a, b) =>
            b.receivedAt.localeCompare(a.receivedAt) ||
            b.branchCode.localeCompare(a.branchCode) ||
            b.id.localeCompare(a.id),
        )
        .map((c) => c.id)
      expect(seen).toEqual(newest)
      expect(JSON.stringify(page)).not.toContain('13812341234') // no phone in the list
    })

    it('filters by branch, class, status, category and dates, and searches the text across branches', async () => {
      const ids = async (q: Parameters<Services['call']>[1]) =>
        unwrap(await hq.call('hq:cases', q as never))
          .rows.map((r) => r.caseId)
          .sort()
      const where = (f: (c: Case) => boolean) =>
        SEEDS.filter(f)
          .map((c) => c.id)
          .sort()
      expect(await ids({ branchCode: 'GZ01' })).toEqual(where((c) => c.branchCode === 'GZ01'))
      expect(await ids({ caseClass: 2 })).toEqual(where((c) => c.caseClass === 2))
      expect(await ids({ status: 'closed' })).toEqual(where((c) => c.status === 'closed'))
      expect(await ids({ category: 'safety_health' })).toEqual(where((c) => c.category === 'safety_health'))
      const from = format(new Date(now - 4.5 * DAY), 'yyyy-MM-dd')
      expect(await ids({ from, category: 'product_quality' })).toEqual(
        where((c) => c.category === 'product_quality' && c.receivedAt >= new Date(`${from}T00:00:00`).toISOString()),
      )
      // Text: a product in two branches; a full-width model finds the ASCII one; a receipt number; nothing.
      expect(await ids({ q: '电饭煲' })).toEqual(where((c) => c.product.includes('电饭煲')))
      expect(await ids({ q: 'ＭＢ－４０' })).toEqual(
        where((c) => c.product.includes('MB-40') || c.description.includes('ＭＢ－４０')),
      )
      expect(await ids({ q: 'XP-777123' })).toEqual(where((c) => c.receiptNo === 'XP-777123'))
      expect(await ids({ q: '赵敏' })).toEqual(where((c) => c.customerName === '赵敏'))
      expect(await ids({ q: '批号', branchCode: 'SH02' })).toEqual(
        where((c) => c.branchCode === 'SH02' && c.description.includes('批号')),
      )
      expect(await ids({ q: '没有这种投诉' })).toEqual([])
      // Bad input is refused before the database is asked.
      expect(await hq.call('hq:cases', { q: 'x'.repeat(101) })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    })

    it('reads one case read-only, phone masked, with its branch and version', async () => {
      const c = SEEDS[4]
      const view = unwrap(await hq.call('hq:case', { branchCode: 'SH02', caseId: c.id }))
      expect(view).toMatchObject({
        branchCode: 'SH02',
        branchName: '徐家汇店',
        departmentName: '收银',
        version: 1,
        ack: null,
        case: { id: c.id, number: c.number, product: 'MB40 电饭煲', phone: '138****1234' },
      })
      expect(await hq.call('hq:case', { branchCode: 'SH01', caseId: c.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    })

    it('the weekly tracking: every branch at a glance (overdue by the app’s rule), one branch per department, and its PDF', async () => {
      const range = { from: format(new Date(now - 6 * DAY), 'yyyy-MM-dd'), to: format(new Date(now), 'yyyy-MM-dd') }
      const week = unwrap(await hq.call('hq:weekly', range))
      const inWeek = SEEDS.filter((c) => c.receivedAt >= new Date(`${range.from}T00:00:00`).toISOString())
      const sh01 = inWeek.filter((c) => c.branchCode === 'SH01')
      const overdue = (cs: Case[]) =>
        cs.filter((c) => caseFlags(c, DEFAULT_WORKFLOW_SETTINGS, new Date()).overdue.length > 0).length
      expect(week.branches.map((b) => b.branchCode)).toEqual(['BJ01', 'GZ01', 'SH01', 'SH02'])
      expect(week.branches.find((b) => b.branchCode === 'SH01')).toMatchObject({
        branchName: '静安寺店',
        total: sh01.length,
        class2: 1,
        open: sh01.length,
        overdue: overdue(sh01),
        byCategory: { safety_health: 1, service_attitude: 1 },
        byStatus: { in_progress: sh01.length, closed: 0 },
      })
      expect(week.branches.find((b) => b.branchCode === 'BJ01')).toMatchObject({ total: 0 }) // its cases are older
      expect(week.total).toMatchObject({ total: inWeek.length, overdue: overdue(inWeek) })
      expect(overdue(inWeek)).toBeGreaterThan(0)

      const branch = unwrap(await hq.call('hq:branchWeekly', { branchCode: 'SH01', range }))
      expect(branch.report.total.total).toBe(sh01.length)
      expect(branch.report.byDepartment).toEqual([expect.objectContaining({ label: '收银', total: sh01.length })])
      expect(branch.report.causes.length).toBeGreaterThanOrEqual(0)
      expect(branch.previous.from < range.from).toBe(true)
      expect(await hq.call('hq:branchWeekly', { branchCode: 'XX99', range })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
      expect(await hq.call('hq:weekly', { from: range.from, to: '2099-01-01' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })

      const pdf = unwrap(await hq.call('hq:weeklyPdf', { branchCode: 'SH01', range }))
      expect(pdf.fileName).toBe(`每周部门投诉追踪-SH01-${range.from}-${range.to}.pdf`)
      if (HAS_POPPLER) {
        const file = join(await tempDir(), pdf.fileName)
        await writeFile(file, Buffer.from(pdf.base64, 'base64'))
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
        expect(text).toContain('每周部门投诉追踪')
        expect(text).toContain('静安寺店（SH01）')
        expect(text).toMatch(/总部（华东总部）据总部数据库生成/)
        expect(text).toMatch(/收银\s+4\s/)
        if (process.env.HQ_PDF_OUT) await writeFile(process.env.HQ_PDF_OUT, Buffer.from(pdf.base64, 'base64'))
      }
    })

    it('cross-branch patterns: found across 3 branches within 14 days; not with 2, nor outside the window', async () => {
      const found = unwrap(await hq.call('hq:patterns', {}))
      expect(found).toMatchObject({ minBranches: 3, days: 14 })
      const keys = found.patterns.map((p) => `${p.kind}:${p.key}`)
      // MB-40, MB40 and ＭＢ－４０ are one model, in SH01, SH02 and BJ01 (GZ01's is 20 days old).
      const model = found.patterns.find((p) => p.kind === 'model' && p.key === 'MB40')
      expect(model).toMatchObject({ cases: 3 })
      expect(model!.branches.map((b) => `${b.branchCode} ${b.branchName}`).sort()).toEqual([
        'BJ01 王府井店',
        'SH01 静安寺店',
        'SH02 徐家汇店',
      ])
      expect(model!.examples.map((e) => e.branchCode)).toEqual(['SH01', 'SH02', 'BJ01'])
      // Only two branches: AF-9, 空气炸锅, 电饭煲 (BJ01 named the model, not the word).
      expect(keys).not.toContain('model:AF9')
      expect(keys).not.toContain('product:空气炸锅')
      expect(keys).not.toContain('product:电饭煲')
      // Batch Y2611: SH01 and SH02 within 14 days, BJ01's 16 days ago — outside the window.
      expect(keys).not.toContain('batch:Y2611')
      expect(keys).toContain('category:product_quality')
      const wider = unwrap(await hq.call('hq:patterns', { days: 17 }))
      expect(wider.patterns.find((p) => p.key === 'Y2611')).toMatchObject({ kind: 'batch', cases: 3 })
      const four = unwrap(await hq.call('hq:patterns', { minBranches: 4, days: 25 }))
      expect(four.patterns.map((p) => `${p.kind}:${p.key}`)).toEqual(['model:MB40', 'category:product_quality'])
      expect(unwrap(await hq.call('hq:patterns', { minBranches: 2 })).patterns.map((p) => p.key)).toContain('AF9')
      expect(await hq.call('hq:patterns', { days: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    })

    it('the Class 2 reports inbox: a branch’s report arrives unsigned; 签收 with a comment reaches the branch’s case', async () => {
      // A real branch desk (SH01) pushing to head office.
      const dir = await tempDir()
      const first = await setUpBranch(dir)
      await first.services.close()
      const branch = await openServices(dir, undefined, { ...TEST_SERVICE_OPTIONS, startSync })
      unwrap(await branch.call('auth:signIn', { staffId: first.managerId, pin: MANAGER_PIN }))
      unwrap(
        await branch.call('headoffice:set', {
          ...link(),
          user: 'branch_sh01',
          approval: { managerId: first.managerId, pin: MANAGER_PIN },
        }),
      )
      const serious = unwrap(
        await branch.call(
          'cases:create',
          validDraft({ departmentId: first.departments[0].id, description: '顾客滑倒摔伤了' }),
        ),
      )
      expect(serious.caseClass).toBe(2)
      unwrap(await branch.call('cases:recordEscalation', { id: serious.id, who: '陈主管（电话）' }))
      unwrap(await branch.call('cases:transition', { id: serious.id, action: 'resolve', resolution: '送医并承担费用' }))
      await recordWrittenReportGenerated(branch.contextFor(), serious.id)

      const inbox = await until(
        async () => unwrap(await hq.call('hq:reports', { state: 'unsigned' })),
        (p) => p.rows.some((r) => r.caseId === serious.id),
      )
      expect(inbox.unsigned).toBe(1)
      expect(inbox.rows).toEqual([
        expect.objectContaining({ branchCode: 'SH01', branchName: '静安寺店', caseNo: serious.number, ack: null }),
      ])
      expect(inbox.rows[0].summary).toContain('顾客滑倒摔伤了')

      // 签收 is a manager's action; a Class 1 case's report is not signed for; a case without a report neither.
      const noApproval = await hq.dispatch('hq:signReport', { branchCode: 'SH01', caseId: serious.id, comment: '' })
      expect(noApproval.ok).toBe(false)
      const approval = { managerId, pin: MANAGER_PIN }
      expect(
        await hq.call('hq:signReport', { branchCode: 'SH01', caseId: SEEDS[0].id, comment: '', approval }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: '只有二类投诉的书面报告需要签收。' } })
      expect(
        await hq.call('hq:signReport', { branchCode: 'SH01', caseId: SEEDS[3].id, comment: '', approval }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('尚未生成') } })
      const ack = unwrap(
        await hq.call('hq:signReport', {
          branchCode: 'SH01',
          caseId: serious.id,
          comment: '已阅，请做好安全防范',
          approval,
        }),
      )
      expect(ack).toMatchObject({ by: '张总监', comment: '已阅，请做好安全防范' })
      expect(
        await hq.call('hq:signReport', { branchCode: 'SH01', caseId: serious.id, comment: '', approval }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这份报告已经签收过了。' } })
      expect((await hq.ctx.store.readAudit()).at(-1)).toMatchObject({
        action: 'hq.report.signed',
        target: `SH01/${serious.id}`,
        approvedBy: { id: managerId },
      })
      const after = unwrap(await hq.call('hq:reports', {}))
      expect(after.unsigned).toBe(0)
      expect(after.rows.find((r) => r.caseId === serious.id)?.ack).toEqual(ack)
      expect(unwrap(await hq.call('hq:case', { branchCode: 'SH01', caseId: serious.id })).ack).toEqual(ack)

      // The branch pulls it back onto the case.
      const signed = await until(
        async () => unwrap(await branch.call('cases:get', { id: serious.id })),
        (c) => Boolean(c.workflow.writtenReport?.headOfficeAck),
      )
      expect(signed.workflow.writtenReport?.headOfficeAck).toEqual(ack)
      expect(signed.timeline.at(-1)).toMatchObject({
        action: 'report.head_office_signed',
        detail: '已阅，请做好安全防范',
      })
      await branch.close()
    })

    it('a branch’s login at head office is refused as such, and an unreachable database is said, not failed', async () => {
      unwrap(
        await hq.call('headoffice:set', { ...link(), user: 'branch_sh02', approval: { managerId, pin: MANAGER_PIN } }),
      )
      expect(await hq.call('hq:cases', {})).toMatchObject({
        ok: false,
        error: { code: 'STORE_UNAVAILABLE', message: expect.stringContaining('这个登录无权这样做') },
      })
      expect(unwrap(await hq.call('headoffice:status'))).toMatchObject({
        state: 'offline',
        problem: 'permission',
        lastError: expect.stringContaining('not a head office login'),
      })
      unwrap(await hq.call('headoffice:set', { ...link(), port: 1, approval: { managerId, pin: MANAGER_PIN } }))
      expect(await hq.call('hq:patterns', {})).toMatchObject({
        ok: false,
        error: { code: 'STORE_UNAVAILABLE', message: expect.stringContaining('连不上总部数据库') },
      })
      expect(unwrap(await hq.call('headoffice:status'))).toMatchObject({ problem: 'unreachable' })
      unwrap(await hq.call('headoffice:set', { ...link(), approval: { managerId, pin: MANAGER_PIN } }))
      expect(unwrap(await hq.call('hq:cases', { limit: 1 })).rows).toHaveLength(1)
      expect(unwrap(await hq.call('headoffice:status'))).toMatchObject({ state: 'connected', problem: null })
    })
  },
)
