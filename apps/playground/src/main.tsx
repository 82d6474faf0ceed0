import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// Monaco's editor, JSON and GraphQL workers, bundled by Vite rather than fetched from a CDN.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "./playground.css";
import { Playground } from "./playground";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Playground />
  </StrictMode>,
);
