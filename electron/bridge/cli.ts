import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { DATA_DIR_ENV, defaultUserDataDir, resolveDataDir } from '../dataDir'
import { startSync } from '../sync'
import { openHeadquarters } from '../headquarters'
import { openServices } from '../services'
import { startBridge } from './server'

// `npm run web`: the renderer in a plain browser against the real services and data.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.COMPLAINT_DESK_PORT ?? '5217' },
    'data-dir': { type: 'string' },
    renderer: { type: 'string' },
  },
})
const here = dirname(fileURLToPath(import.meta.url))
const dataDir = values['data-dir'] ? resolve(values['data-dir']) : resolveDataDir(defaultUserDataDir())
// No OS keychain here: head office's password stays in the data folder's 0600 file.
const services = await openServices(dataDir, undefined, { startSync, openHeadquarters })
const bridge = await startBridge({
  dispatch: services.dispatch,
  signedIn: services.signedIn,
  rendererDir: resolve(values.renderer ?? join(here, '../renderer')),
  port: Number(values.port),
})
console.log(`Complaint Desk browser host — data: ${dataDir} (override with --data-dir or ${DATA_DIR_ENV})`)
console.log(`Open: ${bridge.url}#token=${bridge.token}`)

const stop = async (): Promise<void> => {
  await bridge.close()
  await services.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
