import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { MIGRATIONS, migrate } from '../../../electron/store/migrations'
import { interpret } from '../../../electron/store/snapshot'
import { CURRENT_SCHEMA_VERSION } from '../../../electron/store/schema'
import { verifyChain } from '../../../electron/store/auditChain'

const NOW = new Date('2026-11-22T02:00:00.000Z')
const fixture = (name: string) =>
  readFile(fileURLToPath(new URL(`../../fixtures/migrations/${name}`, import.meta.url)), 'utf8')

describe('the migrations are frozen in behaviour', () => {
  // The expected files were made once, when the steps were frozen (and matched what the
  // steps gave before, when they still called the live rules). Never regenerate them: a
  // different result means a migration changed, and upgrading an old file must not.
  it.each([1, 2])('a fixed version %i file migrates to the same fixed version 3 result', async (version) => {
    const input = JSON.parse(await fixture(`v${version}.json`))
    const expected = JSON.parse(await fixture(`v${version}.expected.json`))
    expect(input.schemaVersion).toBe(version)
    const result = JSON.parse(JSON.stringify(migrate(input, version, 3, NOW)))
    expect(result).toEqual(expected)
  })

  it.each([1, 2])(
    'the result is a valid current file, and the audit trail it carries out verifies',
    async (version) => {
      const found = interpret(await fixture(`v${version}.json`), NOW)
      if (found.kind !== 'ok') throw new Error(`${found.kind}: ${'reason' in found ? found.reason : ''}`)
      expect(found.fromVersion).toBe(version)
      const v3 = JSON.parse(await fixture(`v${version}.expected.json`))
      const { audit, ...expected } = migrate(v3, 3, CURRENT_SCHEMA_VERSION, NOW) as { audit: unknown[] }
      // Read with today's schema: nothing the migration gave is lost (fields added since, with
      // defaults, may be filled in).
      expect(JSON.parse(JSON.stringify(found.data))).toMatchObject(expected)
      expect(found.legacyAudit).toEqual(audit)
      expect(verifyChain(found.legacyAudit)).toEqual({ ok: true, entries: audit.length })
    },
  )

  it('migration 2 classified the version 1 cases with the rules of version 2', async () => {
    const { cases } = JSON.parse(await fixture('v1.expected.json'))
    const reasons = cases.map((c: { workflow: { reasons: { rule: string }[] } }) =>
      c.workflow.reasons.map((r) => r.rule),
    )
    expect(reasons).toEqual([
      [],
      ['external_threat', 'repeat_customer'],
      ['category_pattern'], // "没有受伤": a negated keyword does not count
      ['safety_health', 'vip_customer', 'fire_or_hazard'],
      ['unresolved', 'crowd_incident', 'large_loss'],
      ['repeat_customer', 'staff_misconduct'], // +86 and spaces: the same phone
    ])
  })

  it('migration 1 (kept so versions count on; the app no longer opens an unversioned file) adds the collections', () => {
    expect(migrate({ branch: { name: '老店', code: 'OLD1' }, staff: [] }, 0, 1, NOW)).toEqual({
      schemaVersion: 1,
      appliedMigrations: [{ version: 1, at: NOW.toISOString() }],
      branch: { name: '老店', code: 'OLD1' },
      settings: { locale: 'zh-CN' },
      staff: [],
      departments: [],
      cases: [],
      caseCounters: {},
      audit: [],
    })
  })

  it("migration 4 gives a branch's saved keyword lists the shipped words they lack, drops the wrong ones, keeps its own", async () => {
    const v3 = JSON.parse(await fixture('v2.expected.json'))
    const saved = v3.settings.workflow.keywords
    expect(saved.crowd_incident.zh).not.toContain('占领')
    expect(saved.safety_health.zh).toContain('保质期')
    saved.crowd_incident.zh.push('本店自定义词')
    saved.staff_misconduct.zh = saved.staff_misconduct.zh.filter((w: string) => w !== '辱骂') // the branch removed one
    const { settings } = migrate(v3, 3, 4, NOW) as { settings: typeof v3.settings }
    const kw = settings.workflow.keywords
    expect(kw.crowd_incident.zh).toEqual(expect.arrayContaining(['占领', '示威', '静坐', '本店自定义词']))
    expect(kw.safety_health.zh).not.toContain('保质期')
    expect(kw.safety_health.zh).not.toContain('变质')
    expect(kw.safety_health.en).not.toContain('expired')
    expect(kw.staff_misconduct.zh).toContain('骂')
    expect(kw.staff_misconduct.zh).not.toContain('辱骂')
    for (const rule of Object.keys(kw))
      for (const lang of ['zh', 'en'])
        expect(new Set(kw[rule][lang]).size, `${rule} ${lang}`).toBe(kw[rule][lang].length)
    // Nothing else in the file changes.
    expect({ ...migrate(v3, 3, 4, NOW), settings: null, appliedMigrations: null, schemaVersion: null }).toEqual({
      ...v3,
      settings: null,
      appliedMigrations: null,
      schemaVersion: null,
    })
  })

  it('migration 4 leaves a file without saved keyword lists as it is (the shipped lists apply)', () => {
    const bare = { schemaVersion: 3, settings: { locale: 'zh-CN' }, cases: [] }
    expect(migrate(bare, 3, 4, NOW)).toEqual({
      ...bare,
      schemaVersion: 4,
      appliedMigrations: [{ version: 4, at: NOW.toISOString() }],
    })
  })

  it('lists one step per version, in order, up to the current version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3, 4])
    expect(MIGRATIONS).toHaveLength(CURRENT_SCHEMA_VERSION)
  })
})

describe('the lint rule keeps migrations frozen (eslint/layers.js)', { timeout: 60_000 }, () => {
  const cwd = fileURLToPath(new URL('../../..', import.meta.url))
  const folder = 'electron/store/migrations'
  const eslint = new ESLint({ cwd })
  const denied = async (text: string, filePath: string) =>
    (await eslint.lintText(text, { filePath })).flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'layers/allowed-imports'),
    )

  it('passes the migrations as they are', async () => {
    const files = readdirSync(`${cwd}/${folder}`).filter((f) => f.endsWith('.ts'))
    expect(files).toEqual(expect.arrayContaining(['index.ts', '001-collections.ts', '002-workflow.ts']))
    for (const file of files) {
      const text = await readFile(`${cwd}/${folder}/${file}`, 'utf8')
      expect(await denied(text, `${folder}/${file}`), file).toEqual([])
    }
  })

  it.each([
    '@shared/rules/classify',
    '@shared/domain/defaultSettings',
    '@shared/schemas/workflow',
    '../../../shared/values/money',
    '../schema',
    '../store',
    '../auditChain',
  ])('flags an import of %s in a migration', async (module) => {
    const text = `import { x } from '${module}'\nexport const used = x\n`
    expect(await denied(text, `${folder}/004-next.ts`)).toHaveLength(1)
  })
})
