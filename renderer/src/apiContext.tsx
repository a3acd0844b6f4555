import { createContext, useContext } from 'react'
import type { Api } from '@shared/ipc/contract'

export const ApiContext = createContext<Api | null>(null)

export function useApi(): Api {
  const api = useContext(ApiContext)
  if (!api) throw new Error('ApiContext missing')
  return api
}

/** Which host runs the app: the desktop saves and prints PDFs, a browser downloads them. */
export const HostContext = createContext<'desktop' | 'browser'>('browser')
export const useHost = () => useContext(HostContext)
