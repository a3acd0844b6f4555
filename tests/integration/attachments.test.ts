import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { toLocalDateTime } from '@shared/values/localTime'
import { MAX_ATTACHMENT_BYTES } from '@shared/values/attachments'
import { createHttpApi } from '@shared/ipc/httpClient'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { StoredCase } from '../../electron/store/schema'
import {
  CLERK_PIN,
  clerkDesk,
  MANAGER_PIN,
  openTestServices,
  SETUP_CONTACTS,
  setUpBranch,
  unwrap,
} from '../support/services'
import { makeCase, validDraft } from '../support/factories'
import { makePdf, makePng } from '../support/images'
import { useTempDirs } from '../support/tempDir'
import { bridgeOn } from '../support/bridge'

const HOUR = 3600_000
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

async function desk(dir: string) {
  const d = await clerkDesk(dir, new Date(2026, 10, 22, 10, 0))
  const at = (msAgo = 0) => toLocalDateTime(new Date(d.clock.now().getTime() - msAgo))
  const create = () => d.call('cases:create', validDraft({ departmentId: d.departments[0].id, receivedAt: at(HOUR) }))
  const c = await create()
  const evidenceDir = join(dir, 'evidence')
  const files = async () => (await readdir(evidenceDir).catch(() => [] as string[])).filter((n) => !n.startsWith('.'))
  return { ...d, at, c, create, evidenceDir, files, dir }
}

describe('evidence attachments on a case (issue 13)', () => {
  const tempDir = useTempDirs()

  it('a photo is stored under its SHA-256 (0600), recorded on the case, in the timeline and the audit trail, and read back', async () => {
    const d = await desk(await tempDir())
    const png = makePng()
    const added = await d.call('attachments:add', {
      id: d.c.id,
      fileName: '小票.png',
      base64: b64(png),
      caption: '小票正面',
    })
    const [a] = added.workflow.attachments
    expect(a).toEqual({
      id: expect.any(String),
      hash: sha(png),
      fileName: '小票.png',
      type: 'png',
      size: png.length,
      caption: '小票正面',
      at: d.clock.now().toISOString(),
      by: { id: d.clerkId, name: '李娜' },
      voided: null,
    })
    const file = join(d.evidenceDir, sha(png))
    expect(await readFile(file)).toEqual(png)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect((await stat(d.evidenceDir)).mode & 0o777).toBe(0o700)
    expect(added.timeline.at(-1)).toMatchObject({
      action: 'attachment.added',
      detail: expect.stringContaining('小票.png'),
    })
    const audit = (await d.services.ctx.store.readAudit()).at(-1)
    expect(audit).toMatchObject({ action: 'case.attachment.added', target: d.c.number })
    const back = await d.call('attachments:read', { id: d.c.id, attachmentId: a.id })
    expect(back).toEqual({ type: 'png', mime: 'image/png', base64: b64(png) })
    await d.services.close()
  })

  it('refuses by content with the reason, and a refusal changes nothing: text named .jpg, empty, 10 MB + 1', async () => {
    const d = await desk(await tempDir())
    const auditBefore = d.services.ctx.store.auditEntries
    const text = Buffer.from('这不是照片，只是一段文字。')
    const asJpg = await d.refused('attachments:add', { id: d.c.id, fileName: '照片.jpg', base64: b64(text) })
    expect(asJpg).toMatchObject({ code: 'VALIDATION' })
    expect(asJpg.message).toBe('“照片.jpg”不是图片或 PDF（按文件内容判断，与文件名无关），未添加。')
    // A PNG named .pdf is taken for what it is.
    const renamed = await d.call('attachments:add', { id: d.c.id, fileName: '发票.pdf', base64: b64(makePng(10, 10)) })
    expect(renamed.workflow.attachments[0]).toMatchObject({ fileName: '发票.pdf', type: 'png' })
    const over = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1)
    over.set([0xff, 0xd8, 0xff])
    expect((await d.refused('attachments:add', { id: d.c.id, fileName: '大图.jpg', base64: b64(over) })).message).toBe(
      '“大图.jpg”超过 10.0 MB，未添加。请压缩或拍一张较小的照片。',
    )
    // An empty file cannot even be sent (no bytes); one of "=" padding only decodes to nothing.
    expect((await d.refused('attachments:add', { id: d.c.id, fileName: '空.png', base64: '====' })).message).toBe(
      '“空.png”是空文件，未添加。',
    )
    expect(await d.files()).toHaveLength(1)
    expect((await d.call('cases:get', { id: d.c.id })).workflow.attachments).toHaveLength(1)
    expect(d.services.ctx.store.auditEntries).toBe(auditBefore + 1)
    await d.services.close()
  })

  it('the same content twice is stored once; the same file twice on one case is refused', async () => {
    const d = await desk(await tempDir())
    const other = await d.create()
    const pdf = makePdf('发票')
    await d.call('attachments:add', { id: d.c.id, fileName: '发票.pdf', base64: b64(pdf) })
    await d.call('attachments:add', { id: other.id, fileName: '同一张发票.pdf', base64: b64(pdf) })
    expect(await d.files()).toEqual([sha(pdf)])
    const again = await d.refused('attachments:add', { id: d.c.id, fileName: '再传一次.pdf', base64: b64(pdf) })
    expect(again.message).toBe('同样的文件已附在本单上（“发票.pdf”），未重复添加。')
    await d.services.close()
  })

  it('voiding keeps the record and the file, with who, when and why; a voided one can be attached again', async () => {
    const d = await desk(await tempDir())
    const png = makePng()
    const added = await d.call('attachments:add', { id: d.c.id, fileName: 'a.png', base64: b64(png) })
    const id = added.workflow.attachments[0].id
    expect((await d.refused('attachments:void', { id: d.c.id, attachmentId: id, reason: ' ' })).issues).toContainEqual({
      path: 'reason',
      message: '此项必填',
    })
    const voided = await d.call('attachments:void', { id: d.c.id, attachmentId: id, reason: '拍错了' })
    expect(voided.workflow.attachments[0].voided).toEqual({
      at: d.clock.now().toISOString(),
      by: { id: d.clerkId, name: '李娜' },
      reason: '拍错了',
    })
    expect(voided.timeline.at(-1)).toMatchObject({ action: 'attachment.voided', detail: 'a.png：拍错了' })
    expect((await d.services.ctx.store.readAudit()).at(-1)).toMatchObject({ action: 'case.attachment.voided' })
    expect((await d.refused('attachments:void', { id: d.c.id, attachmentId: id, reason: '再来' })).message).toBe(
      '附件“a.png”已作废。',
    )
    expect(await d.files()).toEqual([sha(png)])
    expect((await d.call('attachments:read', { id: d.c.id, attachmentId: id })).base64).toBe(b64(png))
    const again = await d.call('attachments:add', { id: d.c.id, fileName: 'a.png', base64: b64(png) })
    expect(again.workflow.attachments).toHaveLength(2)
    await d.services.close()
  })

  it("a finished case takes no attachment, and nothing is written; another case's attachment is not found", async () => {
    const d = await desk(await tempDir())
    const other = await d.create()
    const added = await d.call('attachments:add', { id: other.id, fileName: 'a.png', base64: b64(makePng()) })
    await d.call('cases:transition', { id: d.c.id, action: 'void', reason: '重复登记', approval: d.approval })
    const refused = await d.refused('attachments:add', { id: d.c.id, fileName: 'b.pdf', base64: b64(makePdf()) })
    expect(refused).toMatchObject({ code: 'NOT_ALLOWED' })
    expect(await d.files()).toHaveLength(1)
    const foreign = await d.refused('attachments:read', { id: d.c.id, attachmentId: added.workflow.attachments[0].id })
    expect(foreign.code).toBe('NOT_FOUND')
    await d.services.close()
  })

  it('a case stored before attachments existed (live or archived) opens with none', async () => {
    const dir = await tempDir()
    const { attachments: _a, ...oldWorkflow } = emptyWorkflow()
    const old = { ...makeCase({ id: 'old-live' }), workflow: oldWorkflow }
    expect(StoredCase.parse(old).workflow.attachments).toEqual([])
    const d = await desk(dir)
    const archived = makeCase({
      id: 'old-archived',
      status: 'closed',
      receivedAt: '2026-08-01T02:00:00.000Z',
      workflow: { ...oldWorkflow, closedAt: '2026-08-03T02:00:00.000Z' } as never,
    })
    await d.services.ctx.store.update((x) => void x.cases.push(old as never, archived))
    await d.services.close()
    // On disk as an older version wrote it: no `attachments` field at all.
    const live = JSON.parse(await readFile(join(dir, 'complaint-desk.json'), 'utf8'))
    expect(live.cases.find((x: { id: string }) => x.id === 'old-live').workflow).not.toHaveProperty('attachments')
    const months = await readdir(join(dir, 'archive'))
    expect(months).toContain('cases-2026-08.json')
    const reopened = await openTestServices(dir, () => new Date(2026, 10, 22, 11, 0))
    unwrap(await reopened.call('auth:signIn', { staffId: d.clerkId, pin: CLERK_PIN }))
    for (const id of ['old-live', 'old-archived']) {
      expect(unwrap(await reopened.call('cases:get', { id })).workflow.attachments).toEqual([])
    }
    const added = unwrap(
      await reopened.call('attachments:add', { id: 'old-live', fileName: 'a.png', base64: b64(makePng()) }),
    )
    expect(added.workflow.attachments).toHaveLength(1)
    await reopened.close()
  })

  it('a backup holds the evidence files, and a restore brings back the ones lost since', async () => {
    const d = await desk(await tempDir())
    const png = makePng()
    await d.call('attachments:add', { id: d.c.id, fileName: 'a.png', base64: b64(png) })
    const backup = await d.call('backups:create', { approval: d.approval })
    const inBackup = join(d.dir, 'backups', backup.name.replace(/\.json$/, '.evidence'))
    expect(await readdir(inBackup)).toEqual([sha(png)])
    // The evidence folder is lost (a cleanup by hand, a bad disk): the backup brings it back.
    await rm(d.evidenceDir, { recursive: true })
    expect((await d.refused('attachments:read', { id: d.c.id, attachmentId: 'x' })).code).toBe('NOT_FOUND')
    await d.call('backups:restore', { name: backup.name, approval: d.approval })
    await d.call('auth:signIn', { staffId: d.clerkId, pin: CLERK_PIN })
    const c = await d.call('cases:get', { id: d.c.id })
    const back = await d.call('attachments:read', { id: d.c.id, attachmentId: c.workflow.attachments[0].id })
    expect(Buffer.from(back.base64, 'base64')).toEqual(png)
    expect(await d.files()).toEqual([sha(png)])
    await d.services.close()
  })

  it('a bundle carries the evidence files; head office reads them; a bundle of version 1 still imports; one lacking a file is refused whole', async () => {
    const NOW = () => new Date('2026-11-22T02:00:00Z')
    const branch = await setUpBranch(await tempDir(), NOW)
    await branch.services.ctx.store.update((x) => void (x.branch = { name: '徐汇店', code: 'SH02' }))
    const c = unwrap(await branch.services.call('cases:create', validDraft({ departmentId: branch.departments[0].id })))
    const png = makePng()
    unwrap(await branch.services.call('attachments:add', { id: c.id, fileName: '商品.png', base64: b64(png) }))
    const approval = { managerId: branch.managerId, pin: MANAGER_PIN }
    const file = unwrap(await branch.services.call('data:exportBundle', { approval }))
    const bundle = JSON.parse(gunzipSync(Buffer.from(file.base64, 'base64')).toString('utf8'))
    expect(bundle).toMatchObject({ version: 2, evidence: { [sha(png)]: b64(png) } })

    const hqDir = await tempDir()
    const hq = await setUpBranch(hqDir, NOW)
    const hqApproval = { managerId: hq.managerId, pin: MANAGER_PIN }
    const pack = (o: unknown) => ({ fileName: 'b.json.gz', base64: gzipSync(JSON.stringify(o)).toString('base64') })
    // Lacking the file (or with bytes that are not the file): refused, nothing imported.
    const lacking = await hq.services.call('data:importBundle', {
      ...pack({ ...bundle, evidence: {} }),
      approval: hqApproval,
    })
    expect(lacking.ok).toBe(false)
    const wrong = { ...bundle, evidence: { [sha(png)]: b64(makePng(5, 5)) } }
    expect((await hq.services.call('data:importBundle', { ...pack(wrong), approval: hqApproval })).ok).toBe(false)
    expect(await readdir(join(hqDir, 'evidence')).catch(() => [])).toEqual([])
    expect(unwrap(await hq.services.call('cases:list', { view: 'all' })).total).toBe(0)

    const result = unwrap(await hq.services.call('data:importBundle', { ...file, approval: hqApproval }))
    expect(result).toMatchObject({ added: 1, conflicts: [] })
    const there = unwrap(await hq.services.call('cases:get', { id: c.id }))
    const read = unwrap(
      await hq.services.call('attachments:read', { id: c.id, attachmentId: there.workflow.attachments[0].id }),
    )
    expect(Buffer.from(read.base64, 'base64')).toEqual(png)
    // Importing again changes nothing.
    expect(unwrap(await hq.services.call('data:importBundle', { ...file, approval: hqApproval }))).toMatchObject({
      added: 0,
      unchanged: 1,
    })

    // A version 1 bundle (made before attachments): its cases have no such field, and it imports.
    const v1 = {
      ...bundle,
      version: 1,
      cases: bundle.cases.map((x: { workflow: object }) => {
        const { attachments: _a, ...workflow } = x.workflow as { attachments: unknown }
        return { ...x, id: 'v1-case', number: 'KS-20261101-0001', workflow }
      }),
    }
    delete v1.evidence
    expect(unwrap(await hq.services.call('data:importBundle', { ...pack(v1), approval: hqApproval }))).toMatchObject({
      added: 1,
    })
    expect(unwrap(await hq.services.call('cases:get', { id: 'v1-case' })).workflow.attachments).toEqual([])
    await branch.services.close()
    await hq.services.close()
  })

  // Two 10 MB uploads through HTTP, hashed and written durably: 30 s like the other large-file tests.
  it(
    'through the browser host: a 10 MB photo is accepted, one byte more is refused in words (not a crash)',
    { timeout: 30_000 },
    async () => {
      const dir = await tempDir()
      const { services, bridge } = await bridgeOn(dir)
      try {
        const session = unwrap(
          await services.call('setup:init', {
            branch: { name: '静安寺店', code: 'sh01' },
            manager: { name: '陈主管', pin: MANAGER_PIN, pinConfirm: MANAGER_PIN },
            contacts: SETUP_CONTACTS,
          }),
        )
        const api = createHttpApi(bridge.token, 'tab-evidence-0123456789', fetch, bridge.url.replace(/\/$/, ''))
        unwrap(await api['auth:signIn']({ staffId: session.staff.id, pin: MANAGER_PIN }))
        const departments = unwrap(await api['departments:list']())
        const c = unwrap(await api['cases:create'](validDraft({ departmentId: departments[0].id })))
        const big = Buffer.alloc(MAX_ATTACHMENT_BYTES, 7)
        big.set([0xff, 0xd8, 0xff, 0xe0])
        const added = unwrap(await api['attachments:add']({ id: c.id, fileName: '大图.jpg', base64: b64(big) }))
        expect(added.workflow.attachments[0]).toMatchObject({ size: MAX_ATTACHMENT_BYTES, type: 'jpeg' })
        const over = Buffer.concat([big, Buffer.from([1])])
        const refused = await api['attachments:add']({ id: c.id, fileName: '更大.jpg', base64: b64(over) })
        expect(refused).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION', message: '“更大.jpg”超过 10.0 MB，未添加。请压缩或拍一张较小的照片。' },
        })
        const read = unwrap(await api['attachments:read']({ id: c.id, attachmentId: added.workflow.attachments[0].id }))
        expect(read.base64.length).toBe(b64(big).length)
      } finally {
        await bridge.close()
        await services.close()
      }
    },
  )
})
