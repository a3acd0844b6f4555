import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CaseDetail } from '@shared/schemas/case'
import type { Result } from '@shared/ipc/result'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { LastrPanel } from '../../renderer/src/case/LastrPanel'
import type { CasePanelProps } from '../../renderer/src/case/caseActions'
import { makeCase } from '../support/factories'
import { fakeApi, renderWithApi } from './renderWithApi'

function detail(c: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...makeCase(),
    status: 'in_progress',
    departmentName: '收银',
    flags: {
      escalated: false,
      overdue: [],
      commitmentsDueSoon: 0,
      commitmentsOverdue: 0,
      deadlines: { resolveBy: null, firstResponseBy: null, reportBy: null, followUpFrom: null, followUpBy: null },
    },
    ...c,
  }
}

const props = (c: CaseDetail, lang: 'zh' | 'en' = 'zh'): CasePanelProps => ({
  c,
  act: async (call: Promise<Result<CaseDetail>>) => call,
  managers: [{ id: 'm1', name: '陈主管', role: 'manager' }],
  defaultApprover: '',
  settings: DEFAULT_WORKFLOW_SETTINGS,
  lang,
  viewer: { role: 'staff' },
})

// Whole panels and forms rendered and typed into on a loaded machine: more than the default 5 s.
describe('the LASTR panel reads aloud well', { timeout: 30_000 }, () => {
  it('restates a demand 其他 without a bare label, with the customer’s words quoted beside it', () => {
    const c = detail({ demand: 'other', demandNote: '', product: '', customerWords: '我就想要个说法！' })
    renderWithApi(<LastrPanel {...props(c)} />, fakeApi())
    const restatement = screen.getByLabelText('复述（念给客户听）')
    expect(restatement.textContent).not.toMatch(/其他|—|undefined/)
    expect(restatement.textContent).toMatch(/我这样理解对吗？$/)
    expect(screen.getByLabelText('客户原话')).toHaveTextContent('我就想要个说法！')
    expect(within(screen.getByRole('listitem', { name: '聆听' })).getByText('先听，暂不解释、不争辩。')).toBeVisible()
    const satisfy = screen.getByRole('listitem', { name: '使满意' })
    expect(within(satisfy).getByText('“这件事我会报告主管，主管会在 24 小时内给您回电。”')).toBeVisible()
    expect(within(satisfy).getByText(/管理期望/, { selector: 'h4' })).toBeVisible()
    const avoid = screen.getByRole('table', { name: '忌用语：换个说法' })
    expect(within(avoid).getByText('不可能')).toBeVisible()
    expect(within(avoid).getByText('我来帮您联系负责的同事。')).toBeVisible()
    expect(screen.getByText(/AGREE 五步与 LASTR 对照/)).toBeVisible()
  })

  it('shows each style with its traits; picking one records 客户性格 through a correction', async () => {
    const api = fakeApi()
    const c = detail({ customerStyle: '' })
    renderWithApi(<LastrPanel {...props(c)} />, api)
    const chooser = screen.getByRole('radiogroup', { name: '客户性格：按特征选择' })
    expect(within(chooser).getAllByRole('radio')).toHaveLength(4)
    expect(within(chooser).getByText('擅长运用法律手段')).toBeVisible()
    const analytical = within(chooser).getByRole('radio', { name: '分析型' })
    expect(analytical).toHaveAccessibleDescription(/擅长运用法律手段/)
    await userEvent.click(within(chooser).getByText('擅长运用法律手段'))
    expect(api['cases:edit']).toHaveBeenCalledWith({ id: c.id, changes: { customerStyle: 'analytical' } })
  })

  it('reads in English from the English scripts', () => {
    const c = detail({ demand: 'compensation', claimFen: null, product: '', customerWords: '' })
    renderWithApi(<LastrPanel {...props(c, 'en')} />, fakeApi(), 'en')
    const text = screen.getByLabelText('Restatement (read it to the customer)').textContent ?? ''
    expect(text).toContain('You would like compensation. Is that right?')
    expect(text).not.toMatch(/us to Compensation|—/)
    expect(screen.getByText(/not recorded/)).toBeVisible()
  })
})
