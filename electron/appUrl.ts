import { pathToFileURL } from 'node:url'

/** Which URLs are the app itself: the built renderer on disk, or the dev server in development. */
export function makeIsAppUrl(rendererIndexFile: string, devServerUrl?: string): (url: string) => boolean {
  const fileUrl = pathToFileURL(rendererIndexFile).href
  return (url) => {
    if (devServerUrl && url.startsWith(new URL(devServerUrl).origin + '/')) return true
    return url === fileUrl || url.startsWith(`${fileUrl}#`) || url.startsWith(`${fileUrl}?`)
  }
}
