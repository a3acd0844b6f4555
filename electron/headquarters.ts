// Head office mode's database wired to the services (issue 16), as electron/sync.ts wires the
// push worker: services declare what they need (HqDatabase) and never import electron/headoffice;
// this file, allowed both (eslint/layers.js), makes one over a small pool of connections as the
// head office login. main.ts and the browser host pass it to openServices.
import pg from 'pg'
import { problemOf, refusedByServer } from './headoffice/sync'
import {
  branchDocs,
  headOfficePool,
  isHeadOfficeRole,
  listBranches,
  listCases,
  patternCases,
  readCase,
  reportsInbox,
  signReport,
  weekFigures,
} from './headoffice/hq'
import { HqUnavailable, type HqDatabase, type OpenHeadquarters } from './services/headquarters'

/** A lost line, a server gone, a refused login or no such database is "head office unreachable"; anything else a fault. */
function unavailable(err: unknown): boolean {
  if (err instanceof pg.DatabaseError) return !refusedByServer(err) || /^(28|3D)/.test(err.code ?? '')
  return err instanceof Error && !(err instanceof TypeError) && !(err instanceof RangeError)
}

export const openHeadquarters: OpenHeadquarters = (link) => {
  const pool = headOfficePool({ ...link, caFile: link.caFile || undefined, connectTimeoutMs: 10_000 })
  let roleChecked = false
  const use = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient
    try {
      client = await pool.connect()
    } catch (err) {
      throw new HqUnavailable((err as Error).message, problemOf(err))
    }
    try {
      // A branch's login here would see only its own branch: said at once rather than read as "all".
      if (!roleChecked) {
        if (!(await isHeadOfficeRole(client)))
          throw new HqUnavailable(`${link.user}: not a head office login`, 'permission')
        roleChecked = true
      }
      return await fn(client)
    } catch (err) {
      if (err instanceof HqUnavailable || !unavailable(err)) throw err
      throw new HqUnavailable((err as Error).message, problemOf(err))
    } finally {
      client.release()
    }
  }
  const db: HqDatabase = {
    branches: () => use((c) => listBranches(c)),
    listCases: (f) => use((c) => listCases(c, f)),
    readCase: (branchCode, caseId) => use((c) => readCase(c, branchCode, caseId)),
    branchDocs: (branchCode, from, to) => use((c) => branchDocs(c, branchCode, from, to)),
    weekFigures: (from, to) => use((c) => weekFigures(c, from, to)),
    reportsInbox: (f) => use((c) => reportsInbox(c, f)),
    signReport: (ref, by, comment) => use((c) => signReport(c, ref, by, comment)),
    patternCases: (from, to) => use((c) => patternCases(c, from, to)),
    close: () => pool.end(),
  }
  return db
}
