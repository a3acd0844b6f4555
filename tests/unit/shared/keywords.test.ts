import { describe, expect, it } from 'vitest'
import { findKeyword } from '@shared/rules/keywords'

const hit = (text: string, list: string[]) => findKeyword(text, list)?.keyword ?? null

describe('findKeyword', () => {
  it('finds plain words and alternatives, and names the one found', () => {
    expect(hit('银行卡被盗刷了', ['泄露', '盗刷'])).toBe('盗刷')
    expect(hit('业主在门口示威', ['占领/示威'])).toBe('示威')
    expect(hit('The clerk was rude', ['rude'])).toBe('rude')
    expect(hit('账单 (bill) 不对', ['ill'])).toBeNull()
  })

  it('ignores a negated keyword, in Chinese and English', () => {
    expect(hit('顾客没有受伤', ['受伤'])).toBeNull()
    expect(hit('信息并未泄露', ['泄露'])).toBeNull()
    expect(hit('卡没有被盗刷', ['盗刷'])).toBeNull()
    expect(hit('Nobody was hurt', ['hurt'])).toBeNull()
    expect(hit('Nothing was stolen', ['stolen'])).toBeNull()
    expect(hit('没有受伤，但是流血了', ['受伤', '流血'])).toBe('流血')
  })

  it('does not take words that merely contain a negator for a negation', () => {
    expect(hit('顾客不停地大喊', ['大喊'])).toBe('大喊')
    expect(hit('别人盗刷了我的卡', ['盗刷'])).toBe('盗刷')
    expect(hit('店员有性别歧视', ['歧视'])).toBe('歧视')
    expect(hit('顾客不满骂人', ['骂'])).toBe('骂')
    expect(hit('特别大声地吼叫', ['吼叫'])).toBe('吼叫')
  })

  it('needs every part of a co-occurrence near each other in one sentence', () => {
    const regulator = ['工商/市场监管/税务+检查/来店/调查']
    expect(hit('工商来店检查', regulator)).toBe('工商+来店')
    expect(hit('因为投诉，检查的人是税务局派来的', regulator)).toBe('税务+检查')
    expect(hit('工商银行的卡刷不了', regulator)).toBeNull()
    expect(hit('店员检查了机器', regulator)).toBeNull()
    expect(hit('工商银行的卡刷不了。店员检查了机器', regulator)).toBeNull()
    expect(hit('工商银行的卡刷不了，后来换了好几台机器又让好几个店员反复检查', regulator)).toBeNull()
    expect(hit('工商局没有来检查', regulator)).toBeNull()
  })

  it('does not count a keyword inside an exception phrase', () => {
    const list = ['民族', '!民族风']
    expect(hit('买了一条民族风连衣裙', list)).toBeNull()
    expect(hit('民族风连衣裙的店员嘲笑顾客的民族', list)).toBe('民族')
    expect(hit('家具只能自己动手装', ['动手', '!自己动手'])).toBeNull()
    const regulator = ['!找工商/叫工商', '工商+检查']
    expect(hit('说要找工商来检查', regulator)).toBeNull()
    expect(hit('说要叫工商来检查', regulator)).toBeNull()
    expect(hit('工商来检查了', regulator)).toBe('工商+检查')
  })

  it('skips blank entries and lone separators', () => {
    expect(hit('任何文字', ['', '  ', '+', '/', '!'])).toBeNull()
  })
})
