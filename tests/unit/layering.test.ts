import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { LAYERS } from '../../eslint/layers.js'

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const eslint = new ESLint({ cwd })

/** The layering errors for one import line written in `filePath`. */
async function denied(filePath: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = x\n`, { filePath })
  return result.messages.filter((m) => m.ruleId === 'layers/allowed-imports').map((m) => m.message)
}
const allowed = async (filePath: string, line: string) => expect(await denied(filePath, line)).toEqual([])
const refused = async (filePath: string, line: string) => expect(await denied(filePath, line)).toHaveLength(1)

// Each case lints through a real ESLint with the project's config (typescript-eslint parses
// every snippet): well under a second alone, but several seconds on a loaded 2-core machine.
describe('the layering allow-list (docs/architecture.md)', { timeout: 30_000 }, () => {
  it('builds shared/ from the ground up: values, schemas, domain, rules, then i18n and the contract', async () => {
    await allowed('shared/schemas/x.ts', "import { x } from '../values/money'")
    await refused('shared/values/x.ts', "import { x } from '../schemas/case'")
    await refused('shared/schemas/x.ts', "import { x } from '../rules/classify'")
    await refused('shared/schemas/x.ts', "import { x } from '../domain/defaultSettings'")
    await allowed('shared/rules/x.ts', "import { x } from '../domain/defaultSettings'")
    await refused('shared/domain/x.ts', "import { x } from '../rules/classify'")
    await refused('shared/rules/x.ts', "import { x } from '../ipc/contract'")
    await allowed('shared/ipc/channels/x.ts', "import { x } from '../../schemas/case'")
  })

  it('keeps shared/ free of electron/, renderer/, Node and React', async () => {
    await refused('shared/rules/x.ts', "import { x } from '../../electron/store/store'")
    await refused('shared/rules/x.ts', "import { x } from '../../renderer/src/App'")
    await refused('shared/rules/x.ts', "import { readFile as x } from 'node:fs'")
    await refused('shared/rules/x.ts', "import x from 'react'")
    await allowed('shared/rules/x.ts', "import { z as x } from 'zod'")
  })

  it('lets renderer/ import only shared/ and its UI packages', async () => {
    await refused('renderer/src/x.ts', "import { x } from '../../electron/services'")
    await refused('renderer/src/x.ts', "import { ipcRenderer as x } from 'electron'")
    await refused('renderer/src/x.ts', "import { Low as x } from 'lowdb'")
    await refused('renderer/src/x.ts', "import { readFile as x } from 'node:fs'")
    await allowed('renderer/src/x.ts', "import { contract as x } from '@shared/ipc/contract'")
    await allowed('renderer/src/x.ts', "import { useState as x } from 'react'")
  })

  it('keeps electron to the thin adapters', async () => {
    await refused('electron/services/x.ts', "import { app as x } from 'electron'")
    await refused('electron/store/x.ts', "import { app as x } from 'electron'")
    await refused('electron/pdf/x.ts', "import { app as x } from 'electron'")
    await allowed('electron/main.ts', "import { app as x } from 'electron'")
    await allowed('electron/ipc/register.ts', "import type { IpcMain as x } from 'electron'")
  })

  it('lets services reach the store only through its façade (electron/store/index.ts)', async () => {
    await refused('electron/services/x.ts', "import { Store as x } from '../store/store'")
    await refused('electron/services/handlers/x.ts', "import { x } from '../../store/schema'")
    await allowed('electron/services/x.ts', "import { Store as x } from '../store'")
  })

  it('keeps the lower layers of main below the higher ones', async () => {
    await refused('electron/store/x.ts', "import { x } from '../services/cases'")
    await refused('electron/pdf/x.ts', "import { x } from '../store'")
    await refused('electron/pdf/docs/x.ts', "import { x } from '../../services/reports'")
    await allowed('electron/pdf/docs/x.ts', "import { x } from '../../../shared/values/money'")
  })

  it('keeps migrations frozen: they import nothing live', async () => {
    await refused('electron/store/migrations/001-x.ts', "import { x } from '@shared/rules/classify'")
    await refused('electron/store/migrations/001-x.ts', "import { x } from '../schema'")
    await allowed('electron/store/migrations/index.ts', "import { x } from './001-collections'")
  })

  it('covers every folder of the app that holds code', () => {
    for (const folder of [
      'shared/values',
      'shared/ipc',
      'electron/store',
      'electron/services',
      'electron/pdf',
      'renderer',
    ])
      expect(LAYERS).toHaveProperty([folder])
  })
})
