import { Access, Role } from "@sertakan/schema";

/** Who is asking: a signed-in user, a regional office's API key, or the system itself. */
export type Viewer = Access & {
  kind: "user" | "apiKey" | "system";
  id: string;
  /** How the audit trail names them: an e-mail, "api-key:<name>", "system". */
  actor: string;
  /** The session a user signed in with, for logout. */
  sessionId?: string;
};

/** Start-up work and seeds act as this viewer. */
export const SYSTEM: Viewer = {
  kind: "system",
  id: "system",
  actor: "system",
  role: Role.ADMIN,
  regionScope: null,
};
