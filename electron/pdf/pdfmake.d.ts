// pdfmake 0.3 ships no types; this is the part of its server API the app uses.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>
  }
  interface PdfMake {
    addFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void
    setUrlAccessPolicy(callback: (url: string) => boolean): void
    setLocalAccessPolicy(callback: (path: string) => boolean): void
    createPdf(docDefinition: object): OutputDocument
  }
  const pdfmake: PdfMake
  export default pdfmake
}
