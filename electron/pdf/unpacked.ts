/**
 * Where a file of the installed app really is on disk. electron-builder packs the app into
 * resources/app.asar and moves the `asarUnpack` files to resources/app.asar.unpacked/ at the
 * same relative path. Electron's fs reads the archive, but a worker thread started from the
 * archive and files handed to libraries by path are safest as real files: map the path.
 * Paths outside an archive (development, tests, the browser host) come back unchanged.
 */
export function unpackedPath(path: string): string {
  // Either separator: Windows paths use '\', and the first archive in the path is the app's.
  return path.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked')
}
