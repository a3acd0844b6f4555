import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, contract } from '@shared/ipc/contract'
import { ERROR_CODES } from '@shared/ipc/result'

describe('the IPC contract', () => {
  it('declares each channel once, named domain:action', () => {
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length)
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/)
  })

  it('gives every channel an input schema, an output schema and an access level', () => {
    for (const name of CHANNEL_NAMES) {
      const spec = contract[name]
      expect(typeof spec.input.safeParse).toBe('function')
      expect(typeof spec.output.safeParse).toBe('function')
      expect(['public', 'session', 'manager']).toContain(spec.auth)
    }
  })

  it('only lets the sign-in flow run before sign-in', () => {
    const publicChannels = CHANNEL_NAMES.filter((c) => contract[c].auth === 'public').sort()
    expect(publicChannels).toEqual([
      'app:setLocale',
      'app:status',
      'auth:listStaff',
      'auth:signIn',
      'auth:signOut',
      // Only in state 'missing' (no data file, so nobody can sign in): puts the newest backup back.
      'backups:restoreMissing',
      // Only over data nothing can read and no backup can replace: sets it aside, then set-up runs.
      'data:startAfresh',
      'setup:init',
    ])
  })

  it('has distinct error codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length)
  })
})
