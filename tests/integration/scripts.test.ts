import { describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { DEFAULT_PLAYBOOK } from '@shared/domain/playbook'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import type { Playbook } from '@shared/schemas/settings'
import { clerkDesk, CLERK_PIN, MANAGER_PIN, openTestServices, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'

/** Scripts settings and 客户原话 through the services (docs/domain.md §6, §6a). */
describe('scripts settings: saved and reset by a manager, audited', () => {
  const tempDir = useTempDirs()

  it('saves an edited playbook with a manager PIN, audited with the parts changed before and after', async () => {
    const { services, call, approval } = await clerkDesk(await tempDir())
    const book = (await call('settings:get')).playbook
    const edited: Playbook = structuredClone(book)
    edited.steps.attend.zh = ['真的很抱歉，让您跑了一趟。', ...book.steps.attend.zh]
    edited.avoidWords.zh.push({ avoid: '这是规定', instead: '我来看看能为您做些什么。' })
    const saved = await call('scripts:update', { playbook: edited, approval })
    expect(saved.steps.attend.zh[0]).toBe('真的很抱歉，让您跑了一趟。')
    expect((await call('settings:get')).playbook).toEqual(edited)
    const entry = (await services.ctx.store.readAudit()).at(-1)!
    expect(entry).toMatchObject({ action: 'settings.scripts', target: 'playbook', approvedBy: { name: '陈主管' } })
    expect(entry.by?.name).toBe('李娜')
    expect(entry.changes?.map((c) => c.field)).toEqual(['steps', 'avoidWords'])
    expect(entry.changes?.[0].after).toContain('真的很抱歉')
    await services.close()
  })

  it.each([
    [
      'an unknown slot in a restatement',
      (b: Playbook) => void (b.restatements.zh.other = '您希望我们 {demand}，对吗？'),
    ],
    ['unbalanced brackets', (b: Playbook) => void (b.restatements.en.refund = 'You would like [a refund.')],
    ['an escalation promise without {hours}', (b: Playbook) => void (b.escalation.zh = '主管会给您回电。')],
    ['an empty script line', (b: Playbook) => void (b.steps.listen.zh = [''])],
    [
      'a word to avoid with nothing to say instead',
      (b: Playbook) => void b.avoidWords.zh.push({ avoid: '没办法', instead: '' }),
    ],
  ])('refuses %s and changes nothing', async (_what, spoil) => {
    const { services, call, refusedUntyped, approval } = await clerkDesk(await tempDir())
    const before = await call('settings:get')
    const auditBefore = (await services.ctx.store.readAudit()).length
    const bad = structuredClone(before.playbook)
    spoil(bad)
    const error = await refusedUntyped('scripts:update', { playbook: bad, approval })
    expect(error.code).toBe('VALIDATION')
    expect(await call('settings:get')).toEqual(before)
    expect((await services.ctx.store.readAudit()).length).toBe(auditBefore)
    await services.close()
  })

  it('refuses a wrong PIN, and a clerk without an approval, changing nothing', async () => {
    const { services, call, refused, refusedUntyped, managerId } = await clerkDesk(await tempDir())
    const before = await call('settings:get')
    const edited = structuredClone(before.playbook)
    edited.steps.thank.zh = ['谢谢。']
    expect((await refused('scripts:update', { playbook: edited, approval: { managerId, pin: '999999' } })).code).toBe(
      'WRONG_PIN',
    )
    expect((await refusedUntyped('scripts:reset', { section: 'steps' })).code).toBe('VALIDATION')
    expect(await call('settings:get')).toEqual(before)
    await services.close()
  })

  it('恢复默认 puts one section back to the shipped defaults, keeps the others, and is audited', async () => {
    const { services, call, refusedUntyped, approval } = await clerkDesk(await tempDir())
    const edited = structuredClone((await call('settings:get')).playbook)
    edited.steps.attend.zh = ['改过的道歉话术。']
    edited.guidance.listen.zh = ['改过的要点。']
    edited.styleTips.friendly.zh = ['改过的提示。']
    await call('scripts:update', { playbook: edited, approval })

    const reset = await call('scripts:reset', { section: 'steps', approval })
    expect(reset.steps).toEqual(DEFAULT_PLAYBOOK.steps)
    expect(reset.guidance).toEqual(DEFAULT_PLAYBOOK.guidance)
    expect(reset.styleTips.friendly.zh).toEqual(['改过的提示。'])
    expect((await call('settings:get')).playbook).toEqual(reset)
    const entry = (await services.ctx.store.readAudit()).at(-1)!
    expect(entry).toMatchObject({ action: 'settings.scripts.reset', target: 'playbook.steps' })
    expect(entry.changes?.map((c) => c.field)).toEqual(['steps', 'guidance'])

    expect((await refusedUntyped('scripts:reset', { section: 'everything', approval })).code).toBe('VALIDATION')
    await services.close()
  })

  it('the manager call-back hours are a deadline setting, never later than the Class 2 first response', async () => {
    const { services, call, refused, approval } = await clerkDesk(await tempDir())
    const settings = await call('settings:get')
    expect(settings.deadlines.managerCallbackHours).toBe(24)
    const late = { ...settings, deadlines: { ...settings.deadlines, managerCallbackHours: 48 } }
    const error = await refused('settings:update', { workflow: late, approval })
    expect(error.code).toBe('VALIDATION')
    expect(error.issues?.[0].path).toBe('workflow.deadlines.managerCallbackHours')
    const sooner = { ...settings, deadlines: { ...settings.deadlines, managerCallbackHours: 4 } }
    expect((await call('settings:update', { workflow: sooner, approval })).deadlines.managerCallbackHours).toBe(4)
    await services.close()
  })
})

describe('客户原话 (the customer’s own words)', () => {
  const tempDir = useTempDirs()

  it('is kept at intake, corrected through cases:edit with the timeline, and limited in length', async () => {
    const { services, call, refused, departments } = await clerkDesk(await tempDir())
    const words = '你们这是欺骗消费者，我要一个说法！'
    const c = await call('cases:create', validDraft({ departmentId: departments[0].id, customerWords: words }))
    expect(c.customerWords).toBe(words)
    const edited = await call('cases:edit', { id: c.id, changes: { customerWords: '我要一个说法。' } })
    expect(edited.customerWords).toBe('我要一个说法。')
    expect(edited.timeline.at(-1)?.changes).toEqual([
      { field: 'customerWords', before: words, after: '我要一个说法。' },
    ])
    const long = await refused('cases:edit', { id: c.id, changes: { customerWords: '话'.repeat(301) } })
    expect(long.code).toBe('VALIDATION')
    await services.close()
  })
})

describe('data saved before scripts and 客户原话 existed', () => {
  const tempDir = useTempDirs()

  it('opens: settings get the shipped scripts, an old case reads without 客户原话 and can be given one', async () => {
    const dir = await tempDir()
    const first = await clerkDesk(dir)
    const made = await first.call('cases:create', validDraft({ departmentId: first.departments[0].id }))
    await first.services.close()

    // Make the file as an older version wrote it: one restatement template, no later fields.
    const file = `${dir}/complaint-desk.json`
    const data = JSON.parse(await readFile(file, 'utf8'))
    const book = data.settings.workflow.playbook
    for (const key of ['restatements', 'guidance', 'expectations', 'escalation', 'avoidWords', 'styleTraits'])
      delete book[key]
    book.restatement = {
      zh: '我跟您确认一下：您在 {date} 购买/办理了 {product}，{problem}',
      en: 'Let me confirm: {demand}',
    }
    delete data.settings.workflow.deadlines.managerCallbackHours
    data.settings.workflow.deadlines.class2FirstResponseHours = 12
    for (const c of data.cases) delete c.customerWords
    await writeFile(file, JSON.stringify(data))

    const services = await openTestServices(dir)
    unwrap(await services.call('auth:signIn', { staffId: first.clerkId, pin: CLERK_PIN }))
    const settings = unwrap(await services.call('settings:get'))
    expect(settings.playbook.restatements).toEqual(DEFAULT_PLAYBOOK.restatements)
    expect(settings.playbook.avoidWords).toEqual(DEFAULT_PLAYBOOK.avoidWords)
    expect(settings.playbook.styleTraits).toEqual(DEFAULT_PLAYBOOK.styleTraits)
    expect(settings.playbook.restatement).toEqual(book.restatement) // kept as written, no longer read
    expect(settings.playbook.steps).toEqual(DEFAULT_WORKFLOW_SETTINGS.playbook.steps)
    // The promise starts no later than this branch's first response.
    expect(settings.deadlines.managerCallbackHours).toBe(12)

    const old = unwrap(await services.call('cases:get', { id: made.id }))
    expect(old.customerWords).toBeUndefined()
    const edited = unwrap(await services.call('cases:edit', { id: made.id, changes: { customerWords: '太气人了' } }))
    expect(edited.timeline.at(-1)?.changes).toEqual([{ field: 'customerWords', before: '', after: '太气人了' }])

    // A manager's save writes the full new shape; it reads back the same.
    const approval = { managerId: first.managerId, pin: MANAGER_PIN }
    unwrap(await services.call('scripts:update', { playbook: settings.playbook, approval }))
    await services.close()
    const again = await openTestServices(dir)
    unwrap(await again.call('auth:signIn', { staffId: first.clerkId, pin: CLERK_PIN }))
    expect(unwrap(await again.call('settings:get')).playbook).toEqual(settings.playbook)
    await again.close()
  })
})
