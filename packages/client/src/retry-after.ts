/**
 * Milliseconds to wait from a Retry-After header: either whole seconds ("30") or an HTTP
 * date ("Wed, 26 Nov 2026 05:00:00 GMT"). null when the header is absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}
