import { loadConfig } from "../config";

// Benchmarks run the production configuration with a known administrator and no rate limit.
export const BENCH_ADMIN = { email: "bench@sertakan.local", password: "bench-password-1" };

export function benchConfig(seedDemo: boolean) {
  return loadConfig({
    NODE_ENV: "production",
    SEED_DEMO: String(seedDemo),
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    RATE_LIMIT_PER_MINUTE: "0",
    // The benchmark times requests, not the daily reminder job.
    REMINDERS_SCHEDULE: "off",
  });
}

/** Signs the bench administrator in; returns the Authorization header to send. */
export async function benchAuthorization(graphqlUrl: string): Promise<string> {
  const res = await fetch(graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      variables: { e: BENCH_ADMIN.email, p: BENCH_ADMIN.password },
    }),
  });
  const body = (await res.json()) as { data?: { login: { token: string } }; errors?: unknown };
  if (!body.data) {
    throw new Error(
      `bench sign-in failed (a database seeded before sign-in existed has no bench admin: delete .data/bench): ${JSON.stringify(body.errors)}`,
    );
  }
  return `Bearer ${body.data.login.token}`;
}
