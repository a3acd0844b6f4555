/**
 * Where settings' dialogs are drawn: inside the app's own element, not on <body>. A dialog on
 * <body> locks the page's scrolling by inserting a <style> element, which the strict CSP
 * refuses (and reports); a dialog here overlays the window all the same.
 */
export const modalContainer = (): HTMLElement => document.querySelector<HTMLElement>('.ant-app') ?? document.body
