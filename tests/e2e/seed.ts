import { randomUUID } from 'node:crypto'
import type { Api } from '../../shared/ipc/contract'
import { createHttpApi } from '../../shared/ipc/httpClient'
import type { Result } from '../../shared/ipc/result'
import type { Host } from '../support/host'

export const MANAGER = { name: '陈主管', pin: '246810' }
/** The emergency contact and service phone every first run asks for (the escalation card and receipts show them). */
export const SETUP_CONTACT = { name: MANAGER.name, role: '店长', phone: '13800001111' }
export const SERVICE_PHONE = '021-62345678'

/**
 * A branch set up through the host's own API, as the first-run wizard would send it. The wizard
 * itself is walked by the journeys about it (intake.spec, settings.spec, a11y.spec); every other
 * journey starts here, seconds sooner.
 */

/** The host's API, called as the renderer calls it (its own tab). */
export function hostApi(host: Host): Api {
  const url = new URL(host.url)
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? ''
  return createHttpApi(token, randomUUID(), fetch, url.origin)
}

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data
}

export interface Seed {
  branch?: { name: string; code: string }
  /** Clerks to add (role staff), with their PINs. */
  clerks?: { name: string; pin: string }[]
}

/** Sets up a new installation as a branch: the manager 陈主管, the contacts, the default departments. */
export async function seedBranch(host: Host, seed: Seed = {}): Promise<void> {
  const api = hostApi(host)
  const { name, pin } = MANAGER
  const session = ok(
    await api['setup:init']({
      branch: seed.branch ?? { name: '静安寺店', code: 'SH01' },
      manager: { name, pin, pinConfirm: pin },
      contacts: { managerContacts: [SETUP_CONTACT], serviceContact: SERVICE_PHONE },
    }),
  )
  for (const clerk of seed.clerks ?? [])
    ok(
      await api['staff:add']({
        staff: { name: clerk.name, role: 'staff', pin: clerk.pin, pinConfirm: clerk.pin },
        approval: { managerId: session.staff.id, pin },
      }),
    )
}
