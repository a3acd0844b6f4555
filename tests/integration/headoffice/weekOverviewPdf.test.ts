// 各门店每周投诉追踪（总部）on a real PostgreSQL: the 周报 overview as a PDF, read back with
// poppler — every branch's code, name and figures, in Chinese, the table's heading on every page,
// at 60 branches and at 200.
import { beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { format } from 'date-fns'
import type { Case } from '@shared/schemas/case'
import type { HqWeekOverview } from '@shared/schemas/headquarters'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { openServices, type Services } from '../../../electron/services'
import { openHeadquarters } from '../../../electron/headquarters'
import { pushCases } from '../../../electron/headoffice/push'
import { MANAGER_PIN, TEST_SERVICE_OPTIONS, unwrap } from '../../support/services'
import { makeCase } from '../../support/factories'
import { createBranch, createHeadOffice, linkTo, NO_POSTGRES, usePostgres } from '../../support/postgres'
import { HAS_POPPLER } from '../../support/poppler'

const DAY = 86_400_000
const now = Date.now()
const range = { from: format(new Date(now - 6 * DAY), 'yyyy-MM-dd'), to: format(new Date(now), 'yyyy-MM-dd') }
const staff = { id: 's1', name: '李娜' }
const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '南京', '武汉']
/** A name too long for the chart's label column: cut there, whole in the table. */
const LONG_NAME = '上海浦东新区张江高科技园区旗舰店'

const code = (i: number) => `B${String(i).padStart(3, '0')}`
const name = (i: number) => (i === 7 ? LONG_NAME : `${CITIES[i % CITIES.length]}${i}号店`)
/** 0 to 8 complaints a branch; the long-named one the busiest. */
const count = (i: number) => (i === 7 ? 12 : (i * 7) % 9)

function cases(i: number): Case[] {
  return Array.from({ length: count(i) }, (_, j) => {
    const at = new Date(now - (0.2 + (j % 6) * 0.9) * DAY).toISOString()
    return makeCase({
      id: `${code(i)}-${j}`,
      number: `KS-${format(new Date(at), 'yyyyMMdd')}-${String(j + 1).padStart(4, '0')}`,
      branchCode: code(i),
      receivedAt: at,
      createdAt: at,
      caseClass: j % 3 === 2 ? 2 : 1,
      status: j % 5 === 4 ? 'closed' : 'in_progress',
      workflow: {
        ...emptyWorkflow(),
        urgent: j % 4 === 1,
        steps: { ...emptyWorkflow().steps, listen: { at, by: staff } },
      },
    })
  })
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])

describe.skipIf(NO_POSTGRES && !process.env.CI)(
  'head office: the weekly overview PDF of every branch, on a real PostgreSQL',
  { timeout: 240_000 },
  () => {
    const cluster = usePostgres()
    let hq: Services
    let dir: string

    async function addBranches(first: number, last: number) {
      for (let i = first; i <= last; i++) {
        await createBranch(cluster(), code(i), name(i))
        const branch = await cluster().connect(`branch_${code(i).toLowerCase()}`)
        const rows = cases(i).map((doc) => ({ caseId: doc.id, version: 1, doc, departmentName: '收银' }))
        await pushCases(branch, code(i), rows)
        await branch.end()
      }
    }

    /** The PDF for `r` written to the test's folder (and to HQ_PDF_DIR when set, to look at), with its text by page. */
    async function overviewPdf(r: { from: string; to: string }, label: string) {
      const pdf = unwrap(await hq.call('hq:weeklyOverviewPdf', r))
      const bytes = Buffer.from(pdf.base64, 'base64')
      const file = join(dir, `${label}.pdf`)
      await writeFile(file, bytes)
      if (process.env.HQ_PDF_DIR) {
        await mkdir(process.env.HQ_PDF_DIR, { recursive: true })
        await writeFile(join(process.env.HQ_PDF_DIR, `${label}.pdf`), bytes)
      }
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      return { pdf, bytes, pages: pdfPages(file), text, byPage: text.split('\f').filter((p) => p.trim()) }
    }

    /** Every branch's row carries its code, name and six figures as the screen's overview has them. */
    function expectEveryBranch(text: string, week: HqWeekOverview) {
      for (const b of week.branches) {
        const figures = [b.total, b.class1, b.class2, b.urgent, b.open, b.overdue].join('\\s+')
        expect(text).toMatch(new RegExp(`^\\s*${b.branchCode}\\s+${escape(b.branchName)}\\s+${figures}\\s*$`, 'm'))
      }
      const t = week.total
      expect(text).toMatch(
        new RegExp(`^\\s*合计\\s+${[t.total, t.class1, t.class2, t.urgent, t.open, t.overdue].join('\\s+')}\\s*$`, 'm'),
      )
    }

    /** Each page the table runs on starts it with the heading row. */
    function expectHeadingOnEveryTablePage(byPage: string[]) {
      const heading = /门店编号\s+门店名称\s+合计\s+一类\s+二类\s+紧急\s+未结\s+逾期/
      const tablePages = byPage.filter((p) => /^\s*B\d{3}\s/m.test(p))
      expect(tablePages.length).toBeGreaterThan(1)
      for (const p of tablePages) expect(p).toMatch(heading)
    }

    beforeAll(async () => {
      await createHeadOffice(cluster(), 'ho_zhang')
      dir = await mkdtemp(join(tmpdir(), 'complaint-desk-hqpdf-'))
      hq = await openServices(join(dir, 'data'), undefined, { ...TEST_SERVICE_OPTIONS, openHeadquarters })
      const session = unwrap(
        await hq.call('setup:init', {
          kind: 'headoffice',
          branch: { name: '华东总部', code: 'hq' },
          manager: { name: '张总监', pin: MANAGER_PIN, pinConfirm: MANAGER_PIN },
        }),
      )
      const link = linkTo(cluster(), 'ho_zhang')
      unwrap(await hq.call('headoffice:set', { ...link, approval: { managerId: session.staff.id, pin: MANAGER_PIN } }))
      return async () => {
        await hq.close()
        await rm(dir, { recursive: true, force: true })
      }
    }, 120_000)

    it.skipIf(!HAS_POPPLER)(
      '60 branches: header, chain totals, the chart, and every branch over more than one page',
      async () => {
        await addBranches(1, 60)
        const week = unwrap(await hq.call('hq:weekly', range))
        expect(week.branches).toHaveLength(60)
        expect(week.total).toMatchObject({ total: expect.any(Number) })
        for (const k of ['class2', 'urgent', 'open', 'overdue'] as const) expect(week.total[k]).toBeGreaterThan(0)

        const { pdf, pages, text, byPage } = await overviewPdf(range, 'overview-60')
        expect(pdf.fileName).toBe(`各门店每周投诉追踪-${range.from}-${range.to}.pdf`)
        expect(pages).toBeGreaterThan(1)
        expect(byPage[0]).toContain('各门店每周投诉追踪（总部）')
        expect(byPage[0]).toMatch(
          new RegExp(`华东总部 · ${range.from} — ${range.to} · 生成于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`),
        )
        // Chain totals: 60 branches, those with complaints, then the six figures.
        const active = week.branches.filter((b) => b.total > 0).length
        const t = week.total
        expect(byPage[0]).toMatch(
          new RegExp(
            `^\\s*60\\s+${active}\\s+${[t.total, t.class1, t.class2, t.urgent, t.open, t.overdue].join('\\s+')}\\s*$`,
            'm',
          ),
        )
        expect(byPage[0]).toContain('投诉最多的 15 家门店（一类 / 二类）')
        // The busiest branch heads the chart, its long name cut there (whole in the table).
        expect(byPage[0]).toMatch(/上海浦东新区.*… B007/)
        expect(text).toContain('各门店明细（60 家，按门店编号）')
        expectEveryBranch(text, week)
        expectHeadingOnEveryTablePage(byPage)
        // Every page says what it is and where it sits.
        byPage.forEach((p, i) => expect(p).toContain(`${i + 1} / ${pages}`))
      },
    )

    it.skipIf(!HAS_POPPLER)('a range without complaints lists every branch with zeros and draws no chart', async () => {
      const quiet = { from: '2020-01-01', to: '2020-01-07' }
      const { text } = await overviewPdf(quiet, 'overview-empty')
      expect(text).toContain('这段时间没有投诉。')
      expect(text).not.toContain('投诉最多的')
      expect(text).toMatch(/^\s*B001\s+北京1号店\s+0\s+0\s+0\s+0\s+0\s+0\s*$/m)
    })

    it.skipIf(!HAS_POPPLER)('200 branches: every one listed, the heading row on every page of the table', async () => {
      await addBranches(61, 200)
      const week = unwrap(await hq.call('hq:weekly', range))
      expect(week.branches).toHaveLength(200)
      const started = Date.now()
      const { bytes, pages, text, byPage } = await overviewPdf(range, 'overview-200')
      console.info(`200 branches: ${pages} pages, ${bytes.length} bytes, ${Date.now() - started} ms`)
      expect(pages).toBeGreaterThan(4)
      expect(text).toContain('各门店明细（200 家，按门店编号）')
      expectEveryBranch(text, week)
      expectHeadingOnEveryTablePage(byPage)
    })
  },
)
