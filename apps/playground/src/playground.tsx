import { useRef, useState } from "react";
import { GraphiQL, type GraphiQLProps } from "graphiql";
import { EXAMPLES } from "./examples";
import { authorizationFor, readCredential, saveCredential } from "./credential";

type Fetcher = GraphiQLProps["fetcher"];

// GraphiQL fills the first tab's variables only from initialVariables, and keeps the
// user's tabs under this key: give it the first example's variables on a first visit only.
const firstVisit = localStorage.getItem("graphiql:tabState") === null;

export function Playground() {
  const [credential, setCredential] = useState(readCredential);
  // The fetcher reads the latest credential without remounting GraphiQL (which would
  // reload the schema and lose the editor's state).
  const current = useRef(credential);
  current.current = credential;
  const [fetcher] = useState<Fetcher>(() => async (...[params, options]: Parameters<Fetcher>) => {
    const res = await fetch("/graphql", {
      method: "POST",
      // Same origin: a signed-in admin app's session cookie goes along too.
      credentials: "same-origin",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...authorizationFor(current.current),
        ...(options?.headers as Record<string, string> | undefined),
      },
      body: JSON.stringify(params),
    });
    return res.json();
  });

  return (
    <div className="playground">
      <header className="playground-bar">
        <strong>Sertakan GraphQL</strong>
        <label>
          API key or token
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="stk_… or sts_… (empty: anonymous, or your admin-app session)"
            value={credential}
            onChange={(event) => {
              setCredential(event.target.value);
              saveCredential(event.target.value.trim());
            }}
          />
        </label>
        <button type="button" onClick={() => (setCredential(""), saveCredential(""))}>
          Forget
        </button>
        <button
          type="button"
          title="Replace the open tabs with the example operations"
          onClick={() => {
            for (const key of Object.keys(localStorage))
              if (key.startsWith("graphiql:")) localStorage.removeItem(key);
            location.reload();
          }}
        >
          Reset examples
        </button>
        <span className="playground-hint">
          Sent as <code>Authorization: Bearer …</code> with every request; kept only in this tab.
        </span>
      </header>
      <main className="playground-editor">
        <GraphiQL
          fetcher={fetcher}
          defaultTabs={EXAMPLES}
          initialVariables={firstVisit ? EXAMPLES[0].variables : undefined}
          defaultEditorToolsVisibility="variables"
          shouldPersistHeaders={false}
        />
      </main>
    </div>
  );
}
