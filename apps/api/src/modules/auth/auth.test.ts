import { TEST_ADMIN, TestServer, startTestServer } from "../../test/test-server";
import { AUTH_CACHE_MS } from "./auth.service";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { email role regionScope { code } } } }`;
const anon = () => t.as(null);

describe("sign-in", () => {
  it("returns a token and sets an httpOnly, SameSite=Lax session cookie the admin app can use", async () => {
    const res = await anon()(LOGIN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    expect(res.data?.login.user).toEqual({
      email: TEST_ADMIN.email,
      role: "ADMIN",
      regionScope: null,
    });
    expect(res.data?.login.token).toMatch(/^sts_/);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^sertakan_session=sts_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // The cookie alone signs the browser in.
    const me = await fetch(`${t.baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookie.split(";")[0] },
      body: JSON.stringify({ query: "{ me { email } }" }),
    });
    expect(await me.json()).toEqual({ data: { me: { email: TEST_ADMIN.email } } });
  });

  it("stores only an argon2 hash of the password and a SHA-256 of the token", async () => {
    const res = await anon()(LOGIN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    const token = res.data!.login.token;
    const [user] = await t.server.dataSource.query(
      `SELECT password_hash FROM app_user WHERE email = $1`,
      [TEST_ADMIN.email],
    );
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const [{ n }] = await t.server.dataSource.query(
      `SELECT count(*)::int AS n FROM session WHERE token_hash = $1`,
      [token],
    );
    expect(n).toBe(0);
  });

  it("refuses a wrong password with UNAUTHENTICATED, the same for an unknown e-mail", async () => {
    const wrong = await anon()(LOGIN, { e: TEST_ADMIN.email, p: "not-the-password" });
    const unknown = await anon()(LOGIN, { e: "nobody@test.local", p: "not-the-password" });
    expect(wrong.errors?.[0]).toMatchObject({
      message: "Wrong e-mail or password.",
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it("ends a session server-side on logout: the token stops working", async () => {
    const token = await t.tokenFor("OFFICER", "33.10");
    expect((await t.as(token)(`{ me { role } }`)).data?.me).toEqual({ role: "OFFICER" });
    expect((await t.as(token)(`mutation { logout }`)).data).toEqual({ logout: true });
    const after = await t.as(token)(`{ me { role } }`);
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("ends a session on every instance within the 5-second credential cache", async () => {
    const other = await startTestServer({}, { shareDatabaseWith: t });
    try {
      const token = await t.tokenFor("OFFICER", "33.10");
      expect((await other.as(token)(`{ me { role } }`)).data?.me).toEqual({ role: "OFFICER" }); // now cached there
      await t.as(token)(`mutation { logout }`);
      expect((await t.as(token)(`{ me { role } }`)).status).toBe(401); // at once where it was ended
      await new Promise((resolve) => setTimeout(resolve, AUTH_CACHE_MS + 200));
      expect((await other.as(token)(`{ me { role } }`)).status).toBe(401); // and within the bound elsewhere
    } finally {
      await other.close();
    }
  }, 30_000);

  it("slows, then locks an account after repeated failures, even for the right password", async () => {
    await t.tokenFor("VIEWER", "33.10"); // viewer1@test.local exists
    const email = "viewer1@test.local";
    const codes: string[] = [];
    const started = Date.now();
    for (let i = 0; i < 6; i++)
      codes.push((await anon()(LOGIN, { e: email, p: "guess-" + i })).errors![0].extensions!.code!);
    expect(codes).toEqual(Array(6).fill("UNAUTHENTICATED"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250 + 500 + 1000); // failures 4–6 were slowed
    const locked = await anon()(LOGIN, { e: email, p: "test-password-2" });
    expect(locked.errors?.[0]).toMatchObject({ extensions: { code: "TOO_MANY_ATTEMPTS" } });
    expect(locked.errors?.[0].message).toMatch(/Try again in 15 minute/);
  }, 30_000);
});

describe("API keys", () => {
  it("shows the secret once, keeps a hash, records last use, and stops working when revoked", async () => {
    const created =
      await t.gql(`mutation { createApiKey(name: "Kantor Cabang Klaten — laporan", role: VIEWER, regionScope: "33.10") {
      secret apiKey { id name role regionScope { code } lastUsedAt revoked } } }`);
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret).toMatch(/^stk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      role: "VIEWER",
      regionScope: { code: "33.10" },
      lastUsedAt: null,
      revoked: false,
    });
    const [{ n }] = await t.server.dataSource.query(
      `SELECT count(*)::int AS n FROM api_key WHERE secret_hash = $1`,
      [secret],
    );
    expect(n).toBe(0);

    const used = await t.as(secret)(`{ me { email } workers(first: 1) { totalCount } }`);
    expect(used.data).toEqual({ me: null, workers: { totalCount: 0 } });
    const listed = await t.gql(`{ apiKeys { id lastUsedAt } }`);
    expect(
      listed.data?.apiKeys.find((k: { id: string }) => k.id === apiKey.id).lastUsedAt,
    ).not.toBeNull();

    expect(
      (await t.gql(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: apiKey.id })).data,
    ).toEqual({ revokeApiKey: true });
    const refused = await t.as(secret)(`{ workers(first: 1) { totalCount } }`);
    expect(refused.status).toBe(401);
  });

  it("lists users, without password hashes, to a national ADMIN only", async () => {
    const created = await t.gql(
      `mutation { createUser(input: { email: "lister@test.local", name: "Lister", password: "0123456789", role: OFFICER, regionScope: "33.10" }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    const listed = await t.gql(`{ users { email role regionScope { code } } }`);
    const emails = listed.data?.users.map((u: { email: string }) => u.email);
    expect(emails).toEqual([...emails].sort());
    expect(listed.data?.users).toContainEqual({
      email: "lister@test.local",
      role: "OFFICER",
      regionScope: { code: "33.10" },
    });
    const officer = await t.tokenFor("OFFICER", "33.10");
    const refused = await t.as(officer)(`{ users { email } }`);
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("lets only a national ADMIN create users and keys", async () => {
    const officer = await t.tokenFor("OFFICER", "33.10");
    const key = await t.as(officer)(`mutation { createApiKey(name: "x", role: ADMIN) { secret } }`);
    expect(key.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const user = await t.as(officer)(
      `mutation { createUser(input: { email: "x@test.local", name: "X", password: "0123456789", role: ADMIN }) { id } }`,
    );
    expect(user.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const short = await t.gql(
      `mutation { createUser(input: { email: "y@test.local", name: "Y", password: "short", role: VIEWER, regionScope: "33.10" }) { id } }`,
    );
    expect(short.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "password" }],
    });
  });
});

describe("anonymous callers", () => {
  it("may sign in, quote, and read regions", async () => {
    const res = await anon()(
      `{ contributionQuote(package: JKK_JKM) { monthly } region(code: "33.10") { name } regions(level: PROVINCE) { code } me { id } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({
      contributionQuote: { monthly: 16_800 },
      region: { name: "Kabupaten Klaten" },
      me: null,
    });
  });

  it.each([
    `{ workers { totalCount } }`,
    `{ worker(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    `{ workerByNik(nik: "3310014507900001") { id } }`,
    `{ donors { totalCount } }`,
    `{ partners { totalCount } }`,
    `{ sponsorships { totalCount } }`,
    `{ payments { totalCount } }`,
    `{ auditLog { totalCount } }`,
    `mutation { createDonor(input: { kind: INDIVIDUAL, name: "Anon", regionCode: "33.10" }) { id } }`,
    `mutation { logout }`,
  ])("are refused %s with UNAUTHENTICATED", async (query) => {
    const res = await anon()(query);
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    // Nothing leaks: the data, if any, holds only nulls.
    expect(Object.values(res.data ?? {}).every((v) => v === null)).toBe(true);
  });
});
