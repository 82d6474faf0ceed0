import { createHash, randomBytes } from "node:crypto";

// Sessions and API keys are random 256-bit secrets; the prefix tells them apart at a glance
// (and lets secret scanners find leaked keys). Only their SHA-256 is stored.
export const SESSION_PREFIX = "sts_";
export const API_KEY_PREFIX = "stk_";

export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
