import { AnonymiseInput, AnonymiseResult, RetentionDue } from '../../schemas/retention'
import { channels, None } from './spec'

/** Retention (docs/domain.md §10): cases past the branch's period, anonymised by a manager, never deleted. */
export const retentionChannels = channels({
  'retention:due': { input: None, output: RetentionDue, auth: 'session' },
  'retention:anonymise': { input: AnonymiseInput, output: AnonymiseResult, auth: 'manager' },
})
