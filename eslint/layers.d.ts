// Types for eslint/layers.js (plain JS so eslint.config.js can load it without a build).
export declare const LAYERS: Record<string, { layers: string[]; packages: string[] }>
declare const plugin: { rules: Record<string, unknown> }
export default plugin
