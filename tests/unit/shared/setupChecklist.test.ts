import { describe, expect, it } from 'vitest'
import { SETUP_TASKS, setupChecklist, type SetupFacts } from '@shared/rules/setupChecklist'

// Right after the first-run wizard: the manager, the contacts it asked for, nothing else.
const afterWizard: SetupFacts = {
  staff: [{ role: 'manager', active: true }],
  managerContacts: [{ phone: '13800001111' }],
  serviceContact: '021-62345678',
  backupLabels: ['daily'],
}
const doneTasks = (f: SetupFacts) => (setupChecklist(f) ?? []).filter((i) => i.done).map((i) => i.task)

describe('开始使用前: the setup checklist on 首页', () => {
  it('after the wizard: contacts done; a clerk, the policy and a backup still to do, in order', () => {
    expect(setupChecklist(afterWizard)).toEqual([
      { task: 'contacts', done: true },
      { task: 'staff', done: false },
      { task: 'policy', done: false },
      { task: 'backup', done: false },
    ])
  })

  it('gone (null) once every item is done', () => {
    const all: SetupFacts = {
      ...afterWizard,
      staff: [...afterWizard.staff, { role: 'staff', active: true }],
      policyConfirmedAt: '2026-11-23T09:00:00.000Z',
      backupLabels: ['daily', 'manual'],
    }
    expect(setupChecklist(all)).toBeNull()
    // Any one undone brings it back with that item open.
    for (const undo of [
      { staff: afterWizard.staff },
      { policyConfirmedAt: undefined },
      { backupLabels: ['daily'] },
      { serviceContact: '' },
    ] as Partial<SetupFacts>[])
      expect(doneTasks({ ...all, ...undo })).toHaveLength(SETUP_TASKS.length - 1)
  })

  it('a clerk counts only while active; a second manager is not a clerk', () => {
    expect(
      doneTasks({ ...afterWizard, staff: [...afterWizard.staff, { role: 'staff', active: false }] }),
    ).not.toContain('staff')
    expect(
      doneTasks({ ...afterWizard, staff: [...afterWizard.staff, { role: 'manager', active: true }] }),
    ).not.toContain('staff')
    expect(doneTasks({ ...afterWizard, staff: [...afterWizard.staff, { role: 'staff', active: true }] })).toContain(
      'staff',
    )
  })

  it('contacts need a contact with a phone and the service phone (blanks do not count)', () => {
    expect(doneTasks({ ...afterWizard, managerContacts: [] })).not.toContain('contacts')
    expect(doneTasks({ ...afterWizard, managerContacts: [{ phone: '  ' }] })).not.toContain('contacts')
    expect(doneTasks({ ...afterWizard, serviceContact: ' ' })).not.toContain('contacts')
  })

  it('only a backup taken by hand counts (daily and pre-restore ones are automatic)', () => {
    expect(doneTasks({ ...afterWizard, backupLabels: ['daily', 'pre-restore'] })).not.toContain('backup')
    expect(doneTasks({ ...afterWizard, backupLabels: ['manual'] })).toContain('backup')
  })
})
