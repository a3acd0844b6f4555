// Issue 15 point 13: the end of the audit trail is recorded (with each fold, in the live file
// and so in every backup), so a trail cut short after a clean stop is reported at start.
import { describe, expect, it } from 'vitest'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AUDIT_FILE_NAME, Store } from '../../../electron/store/store'
import { appendAudit } from '../../../electron/services/context'
import { useTempDirs } from '../../support/tempDir'
import { openTestServices, unwrap } from '../../support/services'

const now = () => new Date('2026-11-22T02:00:00Z')

/** A store with `n` audited saves, stopped cleanly (the journal folded into the live file). */
async function auditedStore(dir: string, n: number, tag = 't'): Promise<void> {
  const store = await Store.open(dir, { now })
  for (let i = 0; i < n; i++)
    await store.update((d) =>
      appendAudit(d, { at: now().toISOString(), by: null, action: 'settings.locale', target: `${tag}${i}` }),
    )
  await store.close()
}

async function lines(dir: string): Promise<string[]> {
  return (await readFile(join(dir, AUDIT_FILE_NAME), 'utf8')).split('\n').filter(Boolean)
}

describe('a trail shorter than its recorded end is reported (issue 15 #13)', () => {
  const tempDir = useTempDirs()

  it('an untouched trail checks out', async () => {
    const dir = await tempDir()
    await auditedStore(dir, 30)
    const store = await Store.open(dir, { now })
    expect(await store.verifyAudit()).toEqual({ ok: true, entries: 30 })
    await store.close()
  })

  it('the last 10 lines deleted after a clean stop: reported where the trail breaks, and still at the next start', async () => {
    const dir = await tempDir()
    await auditedStore(dir, 30)
    const kept = (await lines(dir)).slice(0, 20)
    await writeFile(join(dir, AUDIT_FILE_NAME), kept.map((l) => `${l}\n`).join(''))
    const store = await Store.open(dir, { now })
    expect(await store.verifyAudit()).toEqual({ ok: false, entries: 20, brokenAt: 21, expected: 30 })
    // Saves go on (chained after what is left); the loss is not forgotten at the next start.
    await store.update((d) => appendAudit(d, { at: now().toISOString(), by: null, action: 'x', target: 'y' }))
    await store.close()
    const again = await Store.open(dir, { now })
    expect(await again.verifyAudit()).toMatchObject({ ok: false, expected: 30 })
    await again.close()
  })

  it('the whole file deleted after a clean stop: reported', async () => {
    const dir = await tempDir()
    await auditedStore(dir, 12)
    await rm(join(dir, AUDIT_FILE_NAME))
    const store = await Store.open(dir, { now })
    expect(await store.verifyAudit()).toEqual({ ok: false, entries: 0, brokenAt: 1, expected: 12 })
    await store.close()
  })

  it('a trail replaced by another, longer chain does not end where the recorded end says: reported', async () => {
    const dir = await tempDir()
    const other = await tempDir()
    await auditedStore(dir, 5)
    await auditedStore(other, 8, 'other') // a whole, valid chain, but not this store's
    await writeFile(join(dir, AUDIT_FILE_NAME), await readFile(join(other, AUDIT_FILE_NAME)))
    const store = await Store.open(dir, { now })
    expect(await store.verifyAudit()).toMatchObject({ ok: false, brokenAt: 5, expected: 5 })
    await store.close()
  })

  it('the recorded end travels in backups: a recovery from one still sees the trail cut short', async () => {
    const dir = await tempDir()
    await auditedStore(dir, 10)
    const store = await Store.open(dir, { now })
    await store.backup('manual', new Date('2026-11-22T03:00:00Z'))
    await store.close()
    await writeFile(join(dir, 'complaint-desk.json'), 'garbage')
    await writeFile(
      join(dir, AUDIT_FILE_NAME),
      (await lines(dir))
        .slice(0, 4)
        .map((l) => `${l}\n`)
        .join(''),
    )
    const recovered = await Store.open(dir, { now })
    expect(recovered.recovery).not.toBeNull()
    expect(await recovered.verifyAudit()).toMatchObject({ ok: false, entries: 4, brokenAt: 5 })
    await recovered.close()
  })

  it('the app status reports it as the audit warning, with how many entries there should be', async () => {
    const dir = await tempDir()
    await auditedStore(dir, 30)
    await writeFile(
      join(dir, AUDIT_FILE_NAME),
      (await lines(dir))
        .slice(0, 20)
        .map((l) => `${l}\n`)
        .join(''),
    )
    const services = await openTestServices(dir, now)
    await services.auditChecked
    expect(unwrap(await services.call('app:status')).audit).toEqual({
      ok: false,
      entries: 20,
      brokenAt: 21,
      expected: 30,
    })
    await services.close()
  })
})
