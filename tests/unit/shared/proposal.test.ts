import { describe, expect, it } from 'vitest'
import { PROPOSAL_NEEDS, proposalMissing } from '@shared/rules/proposal'

describe('when the live proposal may name a class (issue 14: 待判定 until the required fields are filled)', () => {
  it('a blank form misses everything the rules read', () => {
    expect(proposalMissing({ category: '', mood: '', description: '' })).toEqual([...PROPOSAL_NEEDS])
    expect(proposalMissing({})).toEqual(['category', 'mood', 'description'])
  })

  it('names what is still missing, in form order', () => {
    expect(proposalMissing({ category: 'cashier_error', mood: '', description: '' })).toEqual(['mood', 'description'])
    expect(proposalMissing({ category: '', mood: 'angry', description: '少找了十元' })).toEqual(['category'])
  })

  it('is satisfied once category, mood and description are filled', () => {
    expect(proposalMissing({ category: 'cashier_error', mood: 'calm', description: '少找了十元' })).toEqual([])
  })

  it('does not count blanks, invisible characters or unknown choices as filled', () => {
    expect(proposalMissing({ category: 'cosmic', mood: 'furious', description: ' \u200B\n ' })).toEqual([
      'category',
      'mood',
      'description',
    ])
  })

  it('counts a description over its limit as typed (the form says it is too long)', () => {
    expect(proposalMissing({ category: 'other', mood: 'calm', description: '长'.repeat(6000) })).toEqual([])
  })
})
