import { z } from 'zod'
import { Id } from '../../schemas/common'

/**
 * Who may call a channel: `public` before sign-in; `session` any signed-in member of staff;
 * `manager` a signed-in member of staff whose payload carries a manager's approval, checked
 * by dispatch before the handler runs (docs/architecture.md, "Roles").
 */
export type Auth = 'public' | 'session' | 'manager'

export interface ChannelSpec {
  input: z.ZodType
  output: z.ZodType
  auth: Auth
  /**
   * Sub-actions of a `session` channel that need a manager's approval only in some cases
   * (voiding a case, an offer above the clerk's authority): checked by the service.
   */
  managerWhen?: readonly string[]
}

/** Declares one feature's channels; `satisfies` keeps each spec's exact types. */
export const channels = <T extends Record<string, ChannelSpec>>(spec: T): T => spec

export const None = z.undefined()
export const ById = z.object({ id: Id })
