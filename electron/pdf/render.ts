import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import pdfmake from 'pdfmake'
import type { DocDefinition } from './docs/types'
import { unpackedPath } from './unpacked'

// Noto Sans SC (SIL OFL 1.1) from npm: full TrueType files, so pdfkit embeds a subset of
// exactly the glyphs used and Chinese text round-trips. No system font is assumed.
// In the installed app the two files are unpacked beside app.asar (electron-builder.yml): read them there.
const requireFromHere = createRequire(import.meta.url)
const fontDir = unpackedPath(dirname(requireFromHere.resolve('@expo-google-fonts/noto-sans-sc/package.json')))
export const FONT_FILES = {
  normal: join(fontDir, '400Regular', 'NotoSansSC_400Regular.ttf'),
  bold: join(fontDir, '700Bold', 'NotoSansSC_700Bold.ttf'),
}
export const FONT_NAME = 'NotoSansSC'

pdfmake.addFonts({
  [FONT_NAME]: {
    normal: FONT_FILES.normal,
    bold: FONT_FILES.bold,
    italics: FONT_FILES.normal,
    bolditalics: FONT_FILES.bold,
  },
})
// Documents are built from case data only: nothing is fetched, and only the font files are read.
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir + sep))

/** Renders a document definition to PDF bytes (A4, the CJK font as default). */
export async function renderPdf(doc: DocDefinition): Promise<Buffer> {
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [40, 50, 40, 50],
      // Every page says what it belongs to and where it sits: printed reports get separated.
      footer: (current: number, count: number) => ({
        text: `${doc.info?.title ?? ''}    ${current} / ${count}`,
        alignment: 'center',
        fontSize: 8,
        color: '#777777',
        margin: [0, 20, 0, 0],
      }),
      ...doc,
      defaultStyle: { font: FONT_NAME, fontSize: 10, lineHeight: 1.25, ...(doc.defaultStyle ?? {}) },
    })
    .getBuffer()
}
