import { useQuery } from "@apollo/client/react";
import { Alert, Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RouterProvider } from "react-router";
import { describeError } from "./lib/errors";
import { ME } from "./modules/auth/graphql/me.query";
import { SignInPage } from "./modules/auth/sign-in-page";
import { ViewerContext } from "./modules/auth/viewer";
import { router } from "./routes";

/** Signed out → the sign-in page at whatever URL was asked for; signed in → that page. */
export function App() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(ME);
  if (loading && !data) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (error && !data) {
    return (
      <Center mih="100vh" p="md">
        <Alert color="red" role="alert">
          {describeError(error, t)}
        </Alert>
      </Center>
    );
  }
  if (!data?.me) return <SignInPage />;
  return (
    <ViewerContext.Provider value={data.me}>
      <RouterProvider router={router} />
    </ViewerContext.Provider>
  );
}
