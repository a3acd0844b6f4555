/**
 * Whether a link to head office being saved lacks its password (issue 16): a link turned on
 * needs one, given now or stored before (a blank password keeps the stored one). Without it the
 * worker could never start, and the desk would say nothing of why.
 */
export function lacksPassword(link: { enabled: boolean; password?: string }, passwordStored: boolean): boolean {
  return link.enabled && !link.password && !passwordStored
}
