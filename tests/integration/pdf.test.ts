import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toLocalDateTime } from '@shared/values/localTime'
import { CLERK_PIN, MANAGER_PIN, setUpBranch, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'
import { HAS_POPPLER } from '../support/poppler'

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })

describe.skipIf(!HAS_POPPLER && !process.env.CI)(
  'PDFs made in main (needs poppler-utils: apt-get install poppler-utils)',
  () => {
    const tempDir = useTempDirs()

    async function pdf(dir: string, file: { fileName: string; base64: string }) {
      const path = join(dir, 'out.pdf')
      await writeFile(path, Buffer.from(file.base64, 'base64'))
      // PDF_OUT=<folder> keeps a copy of every printout to look at (pdftoppm -png).
      if (process.env.PDF_OUT)
        await writeFile(join(process.env.PDF_OUT, file.fileName), Buffer.from(file.base64, 'base64'))
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))![1])
      return { text: run('pdftotext', ['-layout', path, '-']), fonts: run('pdffonts', [path]), pages, path }
    }

    it('the case receipt: Chinese text round-trips, the CJK font is embedded as a subset, the phone is masked', async () => {
      const dir = await tempDir()
      const { services, clerkId, departments, managerId } = await setUpBranch(dir)
      unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
      const c = unwrap(
        await services.call(
          'cases:create',
          validDraft({
            departmentId: departments[0].id,
            customerName: '欧阳龑',
            phone: '13812345678',
            description: '客户情绪激动，说不处理就找电视台曝光。',
          }),
        ),
      )
      unwrap(
        await services.call('commitments:add', {
          id: c.id,
          what: '明天下午五点前回电',
          owner: '李娜',
          dueAt: toLocalDateTime(new Date(Date.now() + 86_400_000)),
        }),
      )
      const out = await pdf(dir, unwrap(await services.call('reports:caseReceipt', { id: c.id })))
      expect(out.text).toContain('客户投诉受理回执')
      // The customer's copy: the clerk's own account stays inside (it may say 找电视台曝光).
      expect(out.text).not.toContain('找电视台曝光')
      expect(out.text).not.toContain('还没有承诺')
      expect(out.text).toContain('您反映的问题')
      expect(out.text).toMatch(/我们将在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前答复您/)
      // The service phone asked at first run is on the very first receipt, never a blank or "—".
      expect(out.text).toContain('021-62345678')
      expect(out.text).not.toContain('（经办人填写）')
      expect(out.text).toContain('店长')
      expect(out.text).not.toContain('保存 3 年')
      expect(out.text).toContain(c.number)
      expect(out.text).toContain('欧阳龑')
      expect(out.text).toContain('138****5678')
      expect(out.text).not.toContain('13812345678')
      expect(out.text).toContain('明天下午五点前回电')
      expect(out.fonts).toMatch(/[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/)
      expect(out.pages).toBe(1)

      // With the branch's service phone changed, and a case with no commitment yet: the new phone, and what happens next.
      const settings = unwrap(await services.call('settings:get'))
      unwrap(await services.call('auth:signIn', { staffId: managerId, pin: MANAGER_PIN }))
      unwrap(
        await services.call('settings:setContacts', {
          managerContacts: settings.managerContacts,
          serviceContact: '400-820-1234',
          approval: { managerId, pin: MANAGER_PIN },
        }),
      )
      const c2 = unwrap(await services.call('cases:create', validDraft({ departmentId: departments[0].id })))
      const second = await pdf(dir, unwrap(await services.call('reports:caseReceipt', { id: c2.id })))
      expect(second.text).toContain('400-820-1234')
      expect(second.text).toContain('接下来')
      expect(second.text).toMatch(/拨打服务电话\s*400-820-1234/)
      expect(second.pages).toBe(1)
      await services.close()
    })

    it('the Class 2 written report: every section, recorded on the case, then submitted lets the case be reported', async () => {
      const dir = await tempDir()
      const { services, clerkId, departments, managerId } = await setUpBranch(dir)
      unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
      const c = unwrap(
        await services.call(
          'cases:create',
          validDraft({
            departmentId: departments[0].id,
            description: '吃了熟食后上吐下泻，说要找记者。',
            staffComplainedAbout: '王五',
          }),
        ),
      )
      unwrap(await services.call('cases:takeOver', { id: c.id, approval: { managerId, pin: MANAGER_PIN } }))
      for (const step of ['listen', 'attend', 'satisfy'] as const)
        unwrap(await services.call('cases:tickStep', { id: c.id, step }))
      unwrap(await services.call('cases:addNote', { id: c.id, text: '此人难缠' }))
      unwrap(await services.call('cases:transition', { id: c.id, action: 'resolve', resolution: '退款并承担医药费' }))
      const made = unwrap(await services.call('reports:writtenReport', { id: c.id }))
      expect(made.case.workflow.writtenReport?.generatedBy.name).toBe('李娜')
      const out = await pdf(dir, made)
      for (const heading of [
        '二类投诉书面报告',
        '基本事实',
        '定为二类的理由',
        '处理经过',
        '处理步骤（LASTR）',
        '处理结果与补偿',
        '客户满意度',
        '原因分析',
        '相关员工',
        '上级部门签收',
      ]) {
        expect(out.text, heading).toContain(heading)
      }
      // Masked unless the branch's setting says to print the full phone.
      expect(out.text).toContain('138****1234')
      expect(out.text).not.toContain('13812341234')
      // 处理经过 as milestones, not the raw log: no LASTR ticks repeated, satisfaction in words.
      expect(out.text).toContain('受理登记')
      expect(out.text).toMatch(/主管接手：\s*陈主管/)
      expect(out.text).toMatch(/已解决：\s*退款并承担医药费/)
      expect(out.text).not.toContain('✓')
      expect(out.text).not.toContain('此人难缠') // internal notes stay inside
      // 经办人 apart from 被投诉员工.
      expect(out.text).toMatch(/经办人\s+李娜/)
      expect(out.text).toMatch(/被投诉员工\s+王五/)
      expect(out.text).not.toMatch(/经办人[^\n]*王五/)
      expect(out.text).toContain('关键词“记者”')
      expect(out.fonts).toContain('NotoSansSC-Bold')

      const reported = unwrap(
        await services.call('cases:submitWrittenReport', {
          id: c.id,
          submittedTo: '区域运营部',
          at: toLocalDateTime(new Date()),
        }),
      )
      expect(reported.status).toBe('reported')

      // After the follow-up, made again: the follow-up in words, never a raw "4/5".
      unwrap(
        await services.call('cases:recordFollowUp', {
          id: c.id,
          method: 'phone',
          satisfaction: 4,
          remarks: '',
          earlyReason: '客户来电',
        }),
      )
      const again = await pdf(dir, unwrap(await services.call('reports:writtenReport', { id: c.id })))
      expect(again.text).toContain('回访（电话）：客户满意')
      expect(again.text).toMatch(/书面报告已提交：\s*区域运营部/)
      expect(again.text).not.toContain('4/5')

      // With the branch's setting on, the full phone.
      const settings = unwrap(await services.call('settings:get'))
      unwrap(
        await services.call('settings:update', {
          workflow: { ...settings, reportFullPhone: true },
          approval: { managerId, pin: MANAGER_PIN },
        }),
      )
      const full = await pdf(dir, unwrap(await services.call('reports:writtenReport', { id: c.id })))
      expect(full.text).toContain('13812341234')
      await services.close()
    })

    it('the oral report log and the handover sheet: Chinese round-trips, phones masked', async () => {
      const dir = await tempDir()
      let ahead = 0 // the clock moves on before the handover, so one commitment is overdue at sign-off
      const { services, clerkId, departments, managerId } = await setUpBranch(dir, () => new Date(Date.now() + ahead))
      unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
      const c = unwrap(
        await services.call(
          'cases:create',
          validDraft({
            departmentId: departments[0].id,
            phone: '13812345678',
            customerName: '张阿姨',
            category: 'cashier_error',
          }),
        ),
      )
      unwrap(await services.call('cases:transition', { id: c.id, action: 'resolve', resolution: '补足找零' }))
      unwrap(
        await services.call('cases:recordOralReport', {
          id: c.id,
          to: '陈主管',
          at: toLocalDateTime(new Date()),
          summary: '少找十元已补足',
        }),
      )
      const today = toLocalDateTime(new Date()).slice(0, 10)
      const log = await pdf(dir, unwrap(await services.call('reports:oralLog', { from: today, to: today })))
      expect(log.text).toContain('口头报告记录')
      expect(log.text).toContain('少找十元已补足')
      expect(log.text).toContain('138****5678')
      expect(log.text).not.toContain('13812345678')
      const c2 = unwrap(
        await services.call('cases:create', validDraft({ departmentId: departments[0].id, phone: '13900001111' })),
      )
      unwrap(
        await services.call('commitments:add', {
          id: c2.id,
          what: '今晚八点前回电',
          owner: '李娜',
          dueAt: toLocalDateTime(new Date(Date.now() + 5 * 3600_000)),
        }),
      )
      unwrap(
        await services.call('commitments:add', {
          id: c2.id,
          what: '半小时内回电',
          owner: '李娜',
          dueAt: toLocalDateTime(new Date(Date.now() + 1800_000)),
        }),
      )
      ahead = 2 * 3600_000
      const h = unwrap(
        await services.call('handover:submit', {
          hours: 8,
          notes: '注意回电',
          incoming: { staffId: managerId, pin: MANAGER_PIN },
        }),
      )
      const sheet = await pdf(dir, unwrap(await services.call('reports:handoverSheet', { id: h.id })))
      for (const text of ['交接班表', '今晚八点前回电', '注意回电', '交班人', '接班人', '139****1111', '交接签收'])
        expect(sheet.text, text).toContain(text)
      // The sign-off: who handed over, who signed with their own PIN, and when (local time).
      expect(sheet.text).toMatch(/交班人 李娜 交出，接班人 陈主管 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 凭本人 PIN 码签收/)
      // Overdue at sign-off is flagged on its row; the one still to come is not.
      expect(sheet.text).toMatch(/⚠ 已逾期.*半小时内回电/)
      expect(sheet.text).toMatch(/待到期.*今晚八点前回电/)
      const sheetFile = unwrap(await services.call('reports:handoverSheet', { id: h.id }))
      expect(sheetFile.fileName).toMatch(/^交接班表-\d{4}-\d{2}-\d{2}-\d{4}\.pdf$/)
      expect(sheet.text).not.toContain('13900001111')
      expect(sheet.fonts).toContain('NotoSansSC')
      await services.close()
    })

    it('the weekly department report: figures per department and category, charts as vectors (no images)', async () => {
      const dir = await tempDir()
      const { services, clerkId, departments } = await setUpBranch(dir)
      unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
      for (const [i, category] of (['cashier_error', 'delivery', 'delivery', 'service_attitude'] as const).entries()) {
        unwrap(
          await services.call(
            'cases:create',
            validDraft({ departmentId: departments[i % 2].id, category, phone: `1390000000${i}` }),
          ),
        )
      }
      // One the day before: the previous period of a one-day range (the same rule, over the range before).
      unwrap(
        await services.call(
          'cases:create',
          validDraft({
            departmentId: departments[0].id,
            phone: '13900000009',
            receivedAt: toLocalDateTime(new Date(Date.now() - 10 * 60_000 - 86_400_000)),
          }),
        ),
      )
      const rated = unwrap(
        await services.call('cases:create', validDraft({ departmentId: departments[0].id, phone: '13900000008' })),
      )
      unwrap(await services.call('cases:transition', { id: rated.id, action: 'resolve', resolution: '已退款' }))
      unwrap(
        await services.call('cases:recordOralReport', {
          id: rated.id,
          to: '陈主管',
          at: toLocalDateTime(new Date()),
          summary: '已退款',
        }),
      )
      unwrap(
        await services.call('cases:recordFollowUp', {
          id: rated.id,
          method: 'phone',
          satisfaction: 4,
          remarks: '',
          earlyReason: '客户来电',
        }),
      )
      // The day the cases were received (ten minutes ago: yesterday when run just after midnight).
      const today = validDraft().receivedAt.slice(0, 10)
      const out = await pdf(dir, unwrap(await services.call('reports:weeklyPdf', { from: today, to: today })))
      for (const text of ['本周', '上周', '变化', '部门负责人意见', '签字', '4.0/5'])
        expect(out.text, text).toContain(text)
      // 本周 / 上周 / 变化 for the first department: 3 this period, 1 the one before.
      expect(out.text).toMatch(new RegExp(`${departments[0].name}\\s+3\\s+1\\s+\\+2`))
      expect(out.text).toMatch(/合计\s+5\s+1\s+\+4/)
      for (const text of [
        '每周部门投诉追踪',
        '按部门',
        '按投诉类别',
        departments[0].name,
        departments[1].name,
        '配送/交付',
        '每日投诉数',
        '共 5 件',
      ])
        expect(out.text, text).toContain(text)
      expect(run('pdfimages', ['-list', out.path]).trim().split('\n')).toHaveLength(2) // header lines only: no raster image
      await services.close()
    })

    it('refuses a written report for a Class 1 case', async () => {
      const { services, clerkId, departments } = await setUpBranch(await tempDir())
      unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
      const c = unwrap(await services.call('cases:create', validDraft({ departmentId: departments[0].id, phone: '' })))
      expect(await services.call('reports:writtenReport', { id: c.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_ALLOWED' },
      })
      await services.close()
    })
  },
)
