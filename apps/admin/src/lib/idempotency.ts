/**
 * A random key for one visit of a form that writes: a confirm retried after a lost answer
 * sends the same key, and the API writes nothing twice. randomUUID needs a secure context;
 * a plain-http LAN address falls back to a random string.
 */
export function newVisitKey(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`
  );
}
