import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "mantine-datatable/styles.css";
import "./styles.css";
import { ApolloProvider } from "@apollo/client/react";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { apolloClient } from "./lib/apollo";
import "./lib/i18n";
import { theme } from "./theme";

const container = document.getElementById("root");
if (!container) throw new Error("index.html is missing the #root element");

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications />
      <ApolloProvider client={apolloClient}>
        <App />
      </ApolloProvider>
    </MantineProvider>
  </StrictMode>,
);
