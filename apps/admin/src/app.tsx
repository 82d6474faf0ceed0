import { Alert, Center, Loader } from "@mantine/core";
import { Suspense, lazy, useEffect, useState } from "react";
import { storedLanguage } from "./lib/language";
import { signInEn, signInId } from "./modules/auth/locale";
import { SessionError, fetchViewer, type Viewer } from "./modules/auth/session";
import { SignInPage } from "./modules/auth/sign-in-page";

// Everything behind the sign-in: Apollo, the router, i18next, the pages. One promise, so
// the prefetch and the render share a single download.
let signedInApp: Promise<typeof import("./signed-in-app")> | undefined;
const loadSignedInApp = () => (signedInApp ??= import("./signed-in-app"));
const SignedInApp = lazy(async () => ({ default: (await loadSignedInApp()).SignedInApp }));

type Session =
  | { state: "checking" }
  | { state: "failed"; problem: SessionError["problem"] }
  | { state: "known"; viewer: Viewer | null };

/** Signed out → the sign-in page at whatever URL was asked for; signed in → that page. */
export function App() {
  const [session, setSession] = useState<Session>({ state: "checking" });

  useEffect(() => {
    // A returning user's browser is already fetching the signed-in app: the API announces
    // it in index.html when the request carries the session cookie (apps/api admin-app.ts).
    let current = true;
    fetchViewer().then(
      (viewer) => current && setSession({ state: "known", viewer }),
      (error: unknown) =>
        current &&
        setSession({
          state: "failed",
          problem: error instanceof SessionError ? error.problem : "server",
        }),
    );
    return () => {
      current = false;
    };
  }, []);

  if (session.state === "failed") {
    const texts = storedLanguage() === "en" ? signInEn : signInId;
    return (
      <Center mih="100vh" p="md">
        <Alert color="red" role="alert">
          {texts[session.problem]}
        </Alert>
      </Center>
    );
  }
  if (session.state === "checking") return <FirstLoader />;
  if (!session.viewer) {
    return (
      <SignInPage
        onSignedIn={(viewer) => setSession({ state: "known", viewer })}
        onStartTyping={() => void loadSignedInApp()}
      />
    );
  }
  return (
    <Suspense fallback={<FirstLoader />}>
      <SignedInApp viewer={session.viewer} />
    </Suspense>
  );
}

function FirstLoader() {
  const texts = storedLanguage() === "en" ? signInEn : signInId;
  return (
    <Center mih="100vh">
      <Loader aria-label={texts.loading} />
    </Center>
  );
}
