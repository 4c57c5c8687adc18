/**
 * True when a global ID names a partner: the API's IDs are base64 of `Partner:<key>`. Checked
 * before asking, so that a mistyped address shows "not found" rather than an error.
 */
export function isPartnerId(id: string | undefined): id is string {
  if (!id) return false;
  try {
    return /^Partner:\S+$/.test(atob(id));
  } catch {
    return false;
  }
}

/** True when the API's error says the object does not exist (it answers so for unknown IDs). */
export function isNotFoundError(message: string | undefined): boolean {
  return !!message && /not found|invalid global id/i.test(message);
}
