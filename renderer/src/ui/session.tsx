import { createContext, useContext } from 'react'
import type { Session } from '@shared/schemas/staff'

/** Who is signed in in this window or tab, and a way to read it again after it changed in main. */
export interface SessionState {
  session: Session | null
  refresh: () => Promise<void>
}
export const SessionContext = createContext<SessionState>({ session: null, refresh: async () => undefined })
export const useSession = () => useContext(SessionContext)
