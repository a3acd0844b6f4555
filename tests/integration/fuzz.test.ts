import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFile } from 'node:fs/promises'
import { CHANNEL_NAMES, contract, isChannel } from '@shared/ipc/contract'
import { ERROR_CODES } from '@shared/ipc/result'
import { CLERK_PIN, setUpBranch, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

// Random JSON-like values, and objects shaped like real payloads with wrong or hostile values.
const junk = fc.oneof(
  fc.jsonValue(),
  fc.constant(undefined),
  fc.dictionary(
    fc.constantFrom(
      'id',
      'items',
      'approval',
      'pin',
      'staffId',
      'reason',
      'action',
      'step',
      'locale',
      'workflow',
      'description',
      '__proto__',
      'constructor',
    ),
    fc.jsonValue(),
  ),
  fc.record({
    id: fc.string(),
    action: fc.constantFrom('start', 'resolve', 'void', 'close', 'x'),
    approval: fc.record({ managerId: fc.string(), pin: fc.string() }),
  }),
  fc.string({ maxLength: 5000 }),
)

describe('fuzzed IPC: random and malformed payloads on every channel', () => {
  const tempDir = useTempDirs()

  it('never crashes, always answers with a known code, and refused calls change nothing', async () => {
    const { services, clerkId } = await setUpBranch(await tempDir())
    unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...CHANNEL_NAMES, 'cases:drop', '__proto__', ''),
          junk,
          async (channel, payload) => {
            // Only refusals are checked for "nothing changed"; a payload that happens to be valid may change the store.
            const valid = isChannel(channel) && contract[channel].input.safeParse(payload).success
            const before = await readFile(services.ctx.store.file, 'utf8')
            // Untyped on purpose: random and hostile payloads, as a compromised renderer could send.
            const result = await services.dispatch(channel, payload)
            expect(typeof result.ok).toBe('boolean')
            if (!result.ok) {
              expect(ERROR_CODES).toContain(result.error.code)
              expect(result.error.code).not.toBe('INTERNAL')
              expect(result.error.message.length).toBeGreaterThan(0)
              if (!valid) expect(await readFile(services.ctx.store.file, 'utf8')).toBe(before)
            }
            // The session survives whatever was sent, except an explicit sign-out.
            if (!services.contextFor().session)
              unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
          },
        ),
        { numRuns: 3000 },
      )
    } finally {
      process.off('unhandledRejection', onUnhandled)
      await services.close()
    }
    expect(unhandled).toEqual([])
  }, 120_000)
})
