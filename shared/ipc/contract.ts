import type { z } from 'zod'
import { appChannels } from './channels/app'
import { attachmentChannels } from './channels/attachments'
import { caseChannels } from './channels/cases'
import { compensationChannels } from './channels/compensation'
import { dataChannels } from './channels/data'
import { fileChannels } from './channels/files'
import { headOfficeChannels } from './channels/headOffice'
import { headquartersChannels } from './channels/headquarters'
import { reportChannels } from './channels/reports'
import { retentionChannels } from './channels/retention'
import { settingsChannels } from './channels/settings'
import { scriptChannels } from './channels/scripts'
import type { ChannelSpec } from './channels/spec'
import { staffChannels } from './channels/staff'
import { suggestionChannels } from './channels/suggestions'
import { workflowChannels } from './channels/workflow'
import type { Result } from './result'

export { AppStatus, StoreState } from './channels/app'
export type { Auth, ChannelSpec } from './channels/spec'

/**
 * Every channel, declared once, in per-feature slices merged into one map. The preload's
 * window.api, the IPC registration, the browser bridge and dispatch are all derived from it;
 * `auth` says who may call each (docs/architecture.md, "The contract").
 */
export const contract = {
  ...appChannels,
  ...staffChannels,
  ...caseChannels,
  ...workflowChannels,
  ...attachmentChannels,
  ...suggestionChannels,
  ...compensationChannels,
  ...reportChannels,
  ...settingsChannels,
  ...scriptChannels,
  ...dataChannels,
  ...retentionChannels,
  ...fileChannels,
  ...headOfficeChannels,
  ...headquartersChannels,
} as const satisfies Record<string, ChannelSpec>

export type Contract = typeof contract
export type Channel = keyof Contract
export const CHANNEL_NAMES = Object.keys(contract) as Channel[]

export type InputOf<C extends Channel> = z.input<Contract[C]['input']>
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>
/** The arguments after the channel: none for a channel without input. */
export type ArgsOf<C extends Channel> = InputOf<C> extends undefined ? [input?: undefined] : [input: InputOf<C>]

/** One typed call: a mistyped channel or payload does not compile. */
export type Call = <C extends Channel>(channel: C, ...args: ArgsOf<C>) => Promise<Result<OutputOf<C>>>

/** The renderer-facing API: one async function per channel, results as data. */
export type Api = { [C in Channel]: (...args: ArgsOf<C>) => Promise<Result<OutputOf<C>>> }

/** Builds window.api from one untyped transport (IPC invoke or HTTP POST). */
export function apiFrom(send: (channel: Channel, input: unknown) => Promise<unknown>): Api {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const channel of CHANNEL_NAMES) api[channel] = (input?: unknown) => send(channel, input)
  return api as Api
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

/** The channels only a manager may call: the contract itself is the list. */
export const MANAGER_CHANNELS = CHANNEL_NAMES.filter((c) => contract[c].auth === 'manager')

/** Every action that needs a manager's approval: manager channels and conditional sub-actions. */
export const MANAGER_ACTIONS: readonly string[] = [
  ...MANAGER_CHANNELS,
  ...CHANNEL_NAMES.flatMap((c) => {
    const spec: ChannelSpec = contract[c]
    return (spec.managerWhen ?? []).map((sub) => `${c}#${sub}`)
  }),
]
