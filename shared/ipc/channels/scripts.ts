import { z } from 'zod'
import { ManagerApproval } from '../../schemas/common'
import { Playbook } from '../../schemas/settings'
import { SCRIPT_SECTION_IDS } from '../../domain/playbook'
import { v } from '../../values/messages'
import { channels } from './spec'

/**
 * The scripts editor (设置 → 话术与提示, docs/domain.md §6): the playbook alone, saved or one
 * section reset to the shipped defaults, each with a manager's PIN and audited.
 */
export const scriptChannels = channels({
  'scripts:update': {
    input: z.object({ playbook: Playbook, approval: ManagerApproval }),
    output: Playbook,
    auth: 'manager',
  },
  'scripts:reset': {
    input: z.object({ section: z.enum(SCRIPT_SECTION_IDS, { message: v.choose }), approval: ManagerApproval }),
    output: Playbook,
    auth: 'manager',
  },
})
