// 总部同步's status as the desk shows it (issue 16): the state in the top bar, and in settings
// why head office could not be used and which cases it refused, in the user's words.
import { describe, expect, it } from 'vitest'
import { screen } from '@testing-library/react'
import { NO_SYNC, type SyncStatusView } from '@shared/schemas/headOffice'
import { SyncStatusLine } from '../../renderer/src/components/SyncStatusLine'
import { fakeApi, renderWithApi } from './renderWithApi'

const status = (s: Partial<SyncStatusView>): SyncStatusView => ({ ...NO_SYNC, state: 'synced', ...s })

const api = (s: SyncStatusView) => fakeApi({ 'headoffice:status': { ok: true, data: s } })

describe('the head office sync status', () => {
  it('the top bar counts what waits in 条 and says since when head office is offline', async () => {
    const { unmount } = renderWithApi(<SyncStatusLine compact />, api(status({ state: 'pending', pending: 3 })))
    expect(await screen.findByText('待同步 3 条')).toBeTruthy()
    unmount()
    const since = new Date()
    since.setHours(9, 5, 0, 0)
    renderWithApi(
      <SyncStatusLine compact />,
      api(status({ state: 'offline', pending: 2, offlineSince: since.toISOString(), problem: 'unreachable' })),
    )
    const line = await screen.findByText('总部离线（自 09:05）')
    expect(line.getAttribute('title')).toBe('连不上总部数据库：请检查网络、主机地址和端口。')
  })

  it('settings say why, with the database’s own words, and list each refused case', async () => {
    renderWithApi(
      <SyncStatusLine />,
      api(
        status({
          state: 'pending',
          pending: 4,
          problem: 'login',
          lastError: 'password authentication failed for user "branch_sh01"',
          refused: [{ number: 'TS-20261124-003', reason: 'violates check constraint "closed_after_received"' }],
        }),
      ),
    )
    expect(await screen.findByText('总部：待同步 4 条')).toBeTruthy()
    expect(screen.getByRole('note').textContent).toContain('总部数据库拒绝登录：用户名、密码或数据库名不对。')
    expect(screen.getByRole('note').textContent).toContain('password authentication failed')
    expect(screen.getByText(/以下投诉被总部数据库拒收/)).toBeTruthy()
    expect(screen.getByText('TS-20261124-003：violates check constraint "closed_after_received"')).toBeTruthy()
  })

  it('the top bar shows how many cases head office refused; head office’s own database says connected', async () => {
    const { unmount } = renderWithApi(
      <SyncStatusLine compact />,
      api(
        status({
          refused: [
            { number: 'TS-1', reason: 'x' },
            { number: 'TS-2', reason: 'y' },
          ],
        }),
      ),
    )
    expect(await screen.findByText('总部拒收 2 件')).toBeTruthy()
    expect(screen.getByText('总部已同步')).toBeTruthy()
    unmount()
    renderWithApi(<SyncStatusLine compact />, api(status({ state: 'connected' })), 'en')
    expect(await screen.findByText('HQ database connected')).toBeTruthy()
  })
})
