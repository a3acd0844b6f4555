import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startBridge, type Bridge } from '../../electron/bridge/server'
import type { Services } from '../../electron/services'
import { openTestServices } from './services'

/** The browser host in-process on `dir`: test services (data/) behind a bridge serving a stub renderer. */
export async function bridgeOn(dir: string): Promise<{ services: Services; bridge: Bridge; rendererDir: string }> {
  const rendererDir = join(dir, 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>客诉台</title>')
  const services = await openTestServices(join(dir, 'data'))
  const bridge = await startBridge({ dispatch: services.dispatch, signedIn: services.signedIn, rendererDir })
  return { services, bridge, rendererDir }
}
