import { hash, verify } from "@node-rs/argon2";
import { DataSource } from "typeorm";
import { primaryPool } from "../../database/replicas";
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  LOCK_ADDRESS_AFTER_FAILURES,
  LOCK_AFTER_FAILURES,
  LOCK_MINUTES,
  Role,
  TooManyAttemptsError,
  UnauthenticatedError,
  canGrantScope,
  isRegionCode,
  signInDelayMs,
} from "@sertakan/schema";
import { isUuid, notFound } from "../../graphql/ids";
import { writeAudit } from "../audit/audit.service";
import { RegionService } from "../region/region.service";
import { API_KEY_PREFIX, SESSION_PREFIX, hashSecret, newSecret } from "./tokens";
import { ApiKey, User } from "./user.entity";
import { SYSTEM, Viewer } from "./viewer";

export const SESSION_DAYS = 7;
/** How long one instance trusts a looked-up credential before asking the database again. */
export const AUTH_CACHE_MS = 5_000;
const AUTH_CACHE_LIMIT = 10_000;
// Failures older than this are forgotten.
const FAILURE_WINDOW_MINUTES = 15;
const MIN_PASSWORD_LENGTH = 10;

export type CreateUser = {
  email: string;
  name: string;
  password: string;
  role: Role;
  regionScope?: string | null;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly regions: RegionService,
    private readonly delay: (ms: number) => Promise<unknown> = sleep,
  ) {}

  /**
   * Signs in. Failures are counted per account and per address, shared by every instance;
   * after three each answer is slowed, after six both are locked for 15 minutes.
   */
  async login(
    email: string,
    password: string,
    address: string,
  ): Promise<{ token: string; user: User; expiresAt: Date }> {
    const normalised = email.trim().toLowerCase();
    const keys = [`email:${normalised}`, `ip:${address}`];
    const state: { key: string; failures: number; locked_until: Date | null }[] =
      await this.db.query(
        `SELECT key, CASE WHEN last_failure > now() - make_interval(mins => $2) THEN failures ELSE 0 END AS failures, locked_until
         FROM sign_in_throttle WHERE key = ANY($1::text[])`,
        [keys, FAILURE_WINDOW_MINUTES],
      );
    const lockedUntil = state
      .map((s) => s.locked_until)
      .filter((d): d is Date => d !== null && d.getTime() > Date.now());
    if (lockedUntil.length) {
      const seconds = Math.ceil(
        (Math.max(...lockedUntil.map((d) => d.getTime())) - Date.now()) / 1000,
      );
      throw new TooManyAttemptsError(
        `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute(s), or ask an administrator.`,
        seconds,
      );
    }
    // The pause follows the account's failures; the address only counts towards its lock.
    await this.delay(signInDelayMs(state.find((s) => s.key === keys[0])?.failures ?? 0));

    const user = await this.db
      .getRepository(User)
      .createQueryBuilder("u")
      .addSelect("u.passwordHash")
      .where("u.email = :email", { email: normalised })
      .getOne();
    // Verify against a dummy hash when the account is unknown, so timing does not reveal which e-mails exist.
    const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !ok) {
      await this.db.query(
        `INSERT INTO sign_in_throttle (key, failures, last_failure) SELECT k, 1, now() FROM unnest($1::text[]) AS k
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN sign_in_throttle.last_failure > now() - make_interval(mins => $2) THEN sign_in_throttle.failures + 1 ELSE 1 END,
           last_failure = now(),
           locked_until = CASE WHEN (CASE WHEN sign_in_throttle.last_failure > now() - make_interval(mins => $2) THEN sign_in_throttle.failures + 1 ELSE 1 END)
                                    >= CASE WHEN sign_in_throttle.key LIKE 'ip:%' THEN $5::int ELSE $3::int END
                               THEN now() + make_interval(mins => $4) ELSE sign_in_throttle.locked_until END`,
        [
          keys,
          FAILURE_WINDOW_MINUTES,
          LOCK_AFTER_FAILURES,
          LOCK_MINUTES,
          LOCK_ADDRESS_AFTER_FAILURES,
        ],
      );
      throw new UnauthenticatedError("Wrong e-mail or password.");
    }
    await this.db.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [keys[0]]);
    const token = newSecret(SESSION_PREFIX);
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    await this.db.transaction(async (m) => {
      const [{ id }] = await m.query(
        `INSERT INTO session (token_hash, user_id, expires_at) VALUES ($1, $2, $3) RETURNING id`,
        [hashSecret(token), user.id, expiresAt],
      );
      await writeAudit(m, viewerOf(user, id), { action: "login", entity: "session", entityId: id });
    });
    return { token, user, expiresAt };
  }

  /** Ends the session server-side: the token stops working everywhere at once. */
  async logout(viewer: Viewer | null): Promise<boolean> {
    if (!viewer?.sessionId) return false;
    this.forget((v) => v.sessionId === viewer.sessionId);
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE session SET ended_at = now() WHERE id = $1 AND ended_at IS NULL`, [
        viewer.sessionId,
      ]);
      await writeAudit(m, viewer, {
        action: "logout",
        entity: "session",
        entityId: viewer.sessionId,
      });
    });
    return true;
  }

  /** The viewer behind a bearer token or session cookie, or null when it is unknown, ended or revoked. */
  /**
   * The viewer behind a bearer token or session cookie, or null when it is unknown, ended or
   * revoked. Answers are kept for AUTH_CACHE_MS per instance: a logout or revocation takes
   * effect at once on the instance that made it and within that bound on the others.
   */
  async authenticate(secret: string): Promise<Viewer | null> {
    const key = hashSecret(secret);
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.viewer;
    const viewer = await this.lookUp(secret);
    if (this.cache.size >= AUTH_CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, { viewer, until: Date.now() + AUTH_CACHE_MS });
    return viewer;
  }

  private readonly cache = new Map<string, { viewer: Viewer | null; until: number }>();

  private forget(match: (viewer: Viewer) => boolean): void {
    for (const [key, entry] of this.cache)
      if (entry.viewer && match(entry.viewer)) this.cache.delete(key);
  }

  private async lookUp(secret: string): Promise<Viewer | null> {
    if (secret.startsWith(SESSION_PREFIX)) {
      // Every signed-in request runs this: a prepared statement straight on the pool. The
      // primary's, so a session is usable the moment login commits and dead at logout.
      const pool = primaryPool(this.db);
      const {
        rows: [row],
      } = await pool.query({
        name: "authenticate-session",
        text: `SELECT s.id AS session_id, u.id, u.email, u.role, u.region_scope FROM session s JOIN app_user u ON u.id = s.user_id
                WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()`,
        values: [hashSecret(secret)],
      });
      return row
        ? {
            kind: "user",
            id: row.id,
            actor: row.email,
            role: row.role,
            regionScope: row.region_scope,
            sessionId: row.session_id,
          }
        : null;
    }
    if (secret.startsWith(API_KEY_PREFIX)) {
      // last_used_at is written at most once a minute, not on every request.
      const [row] = await this.db.query(
        `WITH k AS (SELECT id, name, role, region_scope, last_used_at FROM api_key WHERE secret_hash = $1 AND revoked_at IS NULL),
              touched AS (UPDATE api_key SET last_used_at = now() FROM k
                           WHERE api_key.id = k.id AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute'))
         SELECT id, name, role, region_scope FROM k`,
        [hashSecret(secret)],
      );
      return row
        ? {
            kind: "apiKey",
            id: row.id,
            actor: `api-key:${row.name}`,
            role: row.role,
            regionScope: row.region_scope,
          }
        : null;
    }
    return null;
  }

  me(viewer: Viewer | null): Promise<User | null> {
    if (viewer?.kind !== "user") return Promise.resolve(null);
    return this.db.getRepository(User).findOneBy({ id: viewer.id });
  }

  async createUser(viewer: Viewer, input: CreateUser): Promise<User> {
    assertAdmin(viewer);
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      throw new BadUserInputError(`"${input.email}" is not an e-mail address.`, "email");
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw new BadUserInputError(
        `password must be at least ${MIN_PASSWORD_LENGTH} characters.`,
        "password",
      );
    }
    if (!input.name.trim()) throw new BadUserInputError("name must not be blank.", "name");
    const regionScope = await this.checkScope(viewer, input.regionScope ?? null, input.role);
    const passwordHash = await hash(input.password);
    return this.db.transaction(async (m) => {
      if (await m.getRepository(User).findOneBy({ email }))
        throw new ConflictError(`A user with e-mail ${email} already exists.`, "email");
      const [{ id }] = await m.query(
        `INSERT INTO app_user (email, name, password_hash, role, region_scope) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [email, input.name.trim(), passwordHash, input.role, regionScope],
      );
      await writeAudit(m, viewer, {
        action: "createUser",
        entity: "user",
        entityId: id,
        changes: { email, role: input.role, regionScope },
      });
      return m.getRepository(User).findOneByOrFail({ id });
    });
  }

  async createApiKey(
    viewer: Viewer,
    name: string,
    role: Role,
    scope: string | null,
  ): Promise<{ secret: string; apiKey: ApiKey }> {
    assertAdmin(viewer);
    if (!name.trim() || name.length > 100)
      throw new BadUserInputError(
        "name must be 1 to 100 characters, e.g. the office and program.",
        "name",
      );
    const regionScope = await this.checkScope(viewer, scope, role);
    const secret = newSecret(API_KEY_PREFIX);
    return this.db.transaction(async (m) => {
      const [{ id }] = await m.query(
        `INSERT INTO api_key (name, secret_hash, role, region_scope, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          name.trim(),
          hashSecret(secret),
          role,
          regionScope,
          viewer.kind === "user" ? viewer.id : null,
        ],
      );
      await writeAudit(m, viewer, {
        action: "createApiKey",
        entity: "apiKey",
        entityId: id,
        changes: { name: name.trim(), role, regionScope },
      });
      return { secret, apiKey: await m.getRepository(ApiKey).findOneByOrFail({ id }) };
    });
  }

  async revokeApiKey(viewer: Viewer, id: string): Promise<boolean> {
    assertAdmin(viewer);
    if (!isUuid(id)) throw notFound("API key", id, "id");
    return this.db.transaction(async (m) => {
      const [row] = await m.query(`SELECT revoked_at FROM api_key WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw notFound("API key", id, "id");
      if (row.revoked_at) return true;
      await m.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [id]);
      this.forget((v) => v.kind === "apiKey" && v.id === id);
      await writeAudit(m, viewer, { action: "revokeApiKey", entity: "apiKey", entityId: id });
      return true;
    });
  }

  listUsers(viewer: Viewer): Promise<User[]> {
    assertAdmin(viewer);
    return this.db.getRepository(User).find({ order: { email: "ASC" } });
  }

  listApiKeys(viewer: Viewer): Promise<ApiKey[]> {
    assertAdmin(viewer);
    return this.db.getRepository(ApiKey).find({ order: { createdAt: "DESC" } });
  }

  /**
   * The first administrator, from ADMIN_EMAIL/ADMIN_PASSWORD, created when there is no
   * user yet. Returns what was created, or null.
   */
  async ensureFirstAdmin(email: string, password: string): Promise<User | null> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM app_user`);
    if (n > 0) return null;
    return this.createUser(SYSTEM, {
      email,
      name: "Administrator",
      password,
      role: Role.ADMIN,
      regionScope: null,
    });
  }

  private async checkScope(
    viewer: Viewer,
    scope: string | null,
    role: Role,
  ): Promise<string | null> {
    if (scope !== null) {
      if (!isRegionCode(scope))
        throw new BadUserInputError(
          `"${scope}" is not a region code such as 33.10.`,
          "regionScope",
        );
      await this.regions.require(scope, "regionScope");
    }
    if (role !== Role.ADMIN && scope === null && !canGrantScope(viewer, null))
      throw new ForbiddenError(
        "Only a national administrator grants national scope.",
        "regionScope",
      );
    if (!canGrantScope(viewer, scope))
      throw new ForbiddenError(`You may not grant scope ${scope}.`, "regionScope");
    return scope;
  }
}

function assertAdmin(viewer: Viewer): void {
  if (viewer.role !== Role.ADMIN || viewer.regionScope !== null) {
    throw new ForbiddenError("Only a national administrator manages users and API keys.");
  }
}

function viewerOf(user: User, sessionId: string): Viewer {
  return {
    kind: "user",
    id: user.id,
    actor: user.email,
    role: user.role,
    regionScope: user.regionScope,
    sessionId,
  };
}

// argon2id of a random string: verifying against it costs what a real verify costs.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$xtpBw1eSWaHzCWMahAqncA$NWWaTIzOdmhhVUAynHMS/kGv3y/PawGfbJZcBYIZjLo";
