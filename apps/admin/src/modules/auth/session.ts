import type { RegionLevel, Role } from "../../gql/graphql";

// The first screen asks the API who is signed in and signs in with two plain POSTs, so it
// needs neither Apollo Client nor the generated documents: those load with the signed-in
// app. Same origin, JSON body: the httpOnly session cookie and the API's CSRF rule hold.

export type Viewer = {
  id: string;
  name: string;
  email: string;
  role: Role;
  regionScope: { code: string; name: string; level: RegionLevel } | null;
};

const VIEWER_FIELDS = "id name email role regionScope { code name level }";
const ME = `query Me { me { ${VIEWER_FIELDS} } }`;
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { user { ${VIEWER_FIELDS} } }
}`;

/** Why a sign-in or the session check failed, as a key of the sign-in page's texts. */
export type SessionProblem =
  "wrongCredentials" | "tooManyAttempts" | "rateLimited" | "server" | "network";

export class SessionError extends Error {
  constructor(readonly problem: SessionProblem) {
    super(problem);
  }
}

type GraphQLAnswer<T> = { data?: T | null; errors?: { extensions?: { code?: unknown } }[] };

async function post<T>(query: string, variables?: Record<string, string>): Promise<T> {
  let res: Response;
  try {
    res = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new SessionError("network");
  }
  if (res.status === 429) throw new SessionError("rateLimited");
  const body = (await res.json().catch(() => ({}))) as GraphQLAnswer<T>;
  const code = body.errors?.[0]?.extensions?.code;
  if (code === "UNAUTHENTICATED") throw new SessionError("wrongCredentials");
  if (code === "TOO_MANY_ATTEMPTS") throw new SessionError("tooManyAttempts");
  if (code === "RATE_LIMITED") throw new SessionError("rateLimited");
  if (!body.data || body.errors?.length) throw new SessionError("server");
  return body.data;
}

/** The signed-in user, or null when nobody is. */
export async function fetchViewer(): Promise<Viewer | null> {
  return (await post<{ me: Viewer | null }>(ME)).me;
}

/** Signs in; the API sets the session cookie on the answer. */
export async function signIn(email: string, password: string): Promise<Viewer> {
  return (await post<{ login: { user: Viewer } }>(LOGIN, { email, password })).login.user;
}
