/**
 * Who may do what. Every signed-in member of staff may call the session channels; these
 * actions also need a manager's PIN in the payload (`approval`), checked in main by the
 * services whatever the renderer sent. `#` names a sub-action of a channel.
 */
export const MANAGER_ONLY = [
  'staff:add',
  'staff:resetPin',
  'departments:add',
  'settings:update',
  'backups:create',
  'backups:restore',
  'cases:lowerClass',
  'cases:takeOver',
  'cases:transition#void',
  'compensation:offer#above-authority-or-cap',
  'cases:exportCsvUnmasked',
  'data:exportBundle',
  'data:importBundle',
] as const
export type ManagerOnlyAction = (typeof MANAGER_ONLY)[number]
