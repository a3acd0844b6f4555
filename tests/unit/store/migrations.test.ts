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
  it.each([1, 2])('a fixed version %i file migrates to the same fixed result', async (version) => {
    const input = JSON.parse(await fixture(`v${version}.json`))
    const expected = JSON.parse(await fixture(`v${version}.expected.json`))
    expect(input.schemaVersion).toBe(version)
    const result = JSON.parse(JSON.stringify(migrate(input, version, CURRENT_SCHEMA_VERSION, NOW)))
    expect(result).toEqual(expected)
  })

  it.each([1, 2])(
    'the result is a valid current file, and the audit trail it carries out verifies',
    async (version) => {
      const found = interpret(await fixture(`v${version}.json`), NOW)
      if (found.kind !== 'ok') throw new Error(`${found.kind}: ${'reason' in found ? found.reason : ''}`)
      expect(found.fromVersion).toBe(version)
      const { audit, ...expected } = JSON.parse(await fixture(`v${version}.expected.json`))
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

  it('lists one step per version, in order, up to the current version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3])
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
