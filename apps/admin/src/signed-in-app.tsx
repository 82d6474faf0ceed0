// The signed-in app: loaded after the sign-in page, so the first screen ships none of it.
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "mantine-datatable/styles.css";
import { ApolloProvider } from "@apollo/client/react";
import { Notifications } from "@mantine/notifications";
import { BrowserRouter } from "react-router";
import { apolloClient } from "./lib/apollo";
import "./lib/i18n";
import { ViewerContext, type Viewer } from "./modules/auth/viewer";
import { AppRoutes } from "./routes";

export function SignedInApp({ viewer }: { viewer: Viewer }) {
  return (
    <ApolloProvider client={apolloClient}>
      <Notifications />
      <ViewerContext.Provider value={viewer}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ViewerContext.Provider>
    </ApolloProvider>
  );
}
