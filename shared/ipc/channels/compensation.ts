import { z } from 'zod'
import { CaseDetail } from '../../schemas/case'
import {
  CompensationOption,
  CostQuery,
  CostTotals,
  DecideOfferInput,
  ExecuteOfferInput,
  MakeOfferInput,
} from '../../schemas/compensation'
import { ById, channels } from './spec'

export const compensationChannels = channels({
  'compensation:propose': { input: ById, output: z.array(CompensationOption), auth: 'session' },
  'compensation:offer': {
    input: MakeOfferInput,
    output: CaseDetail,
    auth: 'session',
    managerWhen: ['above-authority-or-cap'],
  },
  'compensation:decide': { input: DecideOfferInput, output: CaseDetail, auth: 'session' },
  'compensation:execute': { input: ExecuteOfferInput, output: CaseDetail, auth: 'session' },
  'compensation:totals': { input: CostQuery, output: CostTotals, auth: 'session' },
})
