import type { z } from 'zod'
import type { ChannelSpec } from '@shared/ipc/contract'
import type { ServiceContext } from '../context'

/** The handler of one channel: its parsed input in, its output (as the contract says) out. */
export type Handler<S extends ChannelSpec> = (
  input: z.output<S['input']>,
  ctx: ServiceContext,
) => Promise<z.output<S['output']>> | z.output<S['output']>

/** One handler per channel of a feature's slice: a missing or extra one does not compile. */
export type HandlersFor<Slice extends Record<string, ChannelSpec>> = { [C in keyof Slice]: Handler<Slice[C]> }
