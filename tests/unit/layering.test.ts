import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const eslint = new ESLint({ cwd })

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

// Each case lints through a real ESLint with the project's config (typescript-eslint parses
// every snippet): well under a second alone, but several seconds on a loaded 2-core machine.
describe('the layering lint rule (docs/architecture.md)', { timeout: 30_000 }, () => {
  it('keeps shared/ free of electron/, renderer/, Node and React', async () => {
    expect(await restricted('shared/rules/x.ts', "import '../../electron/store/store'\n")).toHaveLength(1)
    expect(await restricted('shared/rules/x.ts', "import '../../renderer/src/App'\n")).toHaveLength(1)
    expect(
      await restricted('shared/rules/x.ts', "import { readFile } from 'node:fs'\nexport const r = readFile\n"),
    ).toHaveLength(1)
    expect(await restricted('shared/rules/x.ts', "import React from 'react'\nexport const r = React\n")).toHaveLength(1)
    expect(await restricted('shared/rules/x.ts', "import { z } from 'zod'\nexport const s = z\n")).toEqual([])
  })

  it('lets renderer/ import only shared/ (and UI packages)', async () => {
    expect(await restricted('renderer/src/x.ts', "import '../../electron/services'\n")).toHaveLength(1)
    expect(
      await restricted('renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer\n"),
    ).toHaveLength(1)
    expect(await restricted('renderer/src/x.ts', "import { Low } from 'lowdb'\nexport const l = Low\n")).toHaveLength(1)
    expect(
      await restricted(
        'renderer/src/x.ts',
        "import { contract } from '@shared/ipc/contract'\nexport const c = contract\n",
      ),
    ).toEqual([])
  })

  it('keeps electron out of the services and the store', async () => {
    expect(
      await restricted('electron/services/x.ts', "import { app } from 'electron'\nexport const a = app\n"),
    ).toHaveLength(1)
    expect(await restricted('electron/main.ts', "import { app } from 'electron'\nexport const a = app\n")).toEqual([])
  })

  it('lets services reach the store only through its façade (electron/store/index.ts)', async () => {
    const door = 'services import the store only through electron/store/index.ts'
    expect(
      await restricted('electron/services/x.ts', "import { Store } from '../store/store'\nexport const s = Store\n"),
    ).toEqual([expect.stringContaining(door)])
    expect(
      await restricted(
        'electron/services/x.ts',
        "import type { DbData } from '../store/schema'\nexport type D = DbData\n",
      ),
    ).toEqual([expect.stringContaining(door)])
    expect(
      await restricted('electron/services/x.ts', "import { Store } from '../store'\nexport const s = Store\n"),
    ).toEqual([])
    // The older restrictions still hold for services, and the store's own modules import each other freely.
    expect(
      await restricted('electron/services/x.ts', "import { app } from 'electron'\nexport const a = app\n"),
    ).toHaveLength(1)
    expect(
      await restricted('electron/store/x.ts', "import { emptyData } from './schema'\nexport const e = emptyData\n"),
    ).toEqual([])
  })
})
