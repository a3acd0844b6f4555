// A head office database stand-in for tests that need head office mode without PostgreSQL (the
// roles test): every read is empty, and a 签收 succeeds (recorded in `signed`).
import type { HqDatabase, OpenHeadquarters } from '../../electron/services/headquarters'

export function fakeHeadquarters(
  signed: { branchCode: string; caseId: string; by: string; comment: string }[] = [],
): OpenHeadquarters {
  const db: HqDatabase = {
    branches: async () => [{ code: 'SH01', name: '静安寺店' }],
    listCases: async () => ({ rows: [], next: null, partial: null }),
    readCase: async () => null,
    branchDocs: async () => [],
    weekFigures: async () => ({ counts: [], live: [] }),
    reportsInbox: async () => ({ rows: [], unsigned: 0, hasMore: false }),
    signReport: async (ref, by, comment) => {
      signed.push({ ...ref, by, comment })
      return { ok: true, ack: { at: new Date().toISOString(), by, comment } }
    },
    patternCases: async () => [],
    close: async () => {},
  }
  return () => db
}
