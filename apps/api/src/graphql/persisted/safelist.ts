import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  DefinitionNode,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  parse,
  print,
  visit,
} from "graphql";
import type { Context } from "../../context";
import type { Viewer } from "../../modules/auth/viewer";

/** The operations API keys may run when API_KEY_SAFELIST is on, by documentHash. */
export type Safelist = {
  enabled: boolean;
  /** documentHash → operation name, for messages and docs. */
  operations: ReadonlyMap<string, string>;
};

export const OPERATION_NOT_ALLOWED = "OPERATION_NOT_ALLOWED";

// Operations first, then fragments, each by name: the same document hashes the same
// whichever order a client's tooling appended its fragments in.
function byKindThenName(a: DefinitionNode, b: DefinitionNode): number {
  const rank = (d: DefinitionNode) => (d.kind === Kind.OPERATION_DEFINITION ? 0 : 1);
  const name = (d: DefinitionNode) => ("name" in d && d.name ? d.name.value : "");
  return rank(a) - rank(b) || name(a).localeCompare(name(b));
}

const hashes = new WeakMap<DocumentNode, string>();

/**
 * sha256 (hex) of a document in a canonical form: parsed, definitions sorted, printed by
 * graphql-js. Whitespace, comments and fragment order do not change it; any change to the
 * selection, arguments or variables does.
 */
export function documentHash(document: string | DocumentNode): string {
  const node = typeof document === "string" ? parse(document) : document;
  // Apollo reuses parsed documents from its store, so one print per distinct document.
  const known = hashes.get(node);
  if (known) return known;
  const canonical = print({ ...node, definitions: [...node.definitions].sort(byKindThenName) });
  const hash = createHash("sha256").update(canonical).digest("hex");
  hashes.set(node, hash);
  return hash;
}

/** Each operation of the .graphql files in `dir`, with the fragments it spreads, by hash. */
export function readOperations(dir: string): Map<string, string> {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".graphql")) : [];
  const definitions = files.flatMap(
    (file) => parse(fs.readFileSync(path.join(dir, file), "utf8")).definitions,
  );
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const operations = new Map<string, string>();
  for (const op of definitions) {
    if (op.kind !== Kind.OPERATION_DEFINITION) continue;
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (!fragment || used.has(fragment.name.value)) return;
          used.set(fragment.name.value, fragment);
          collect(fragment);
        },
      });
    collect(op);
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [op, ...used.values()] };
    operations.set(documentHash(document), op.name?.value ?? "(anonymous)");
  }
  return operations;
}

/**
 * The safelist of `dir` (the client package's operations). Switched on with nothing to
 * allow, every API key would be refused, so that stops start-up instead.
 */
export function loadSafelist(enabled: boolean, dir: string): Safelist {
  if (!enabled) return { enabled, operations: new Map() };
  const operations = readOperations(dir);
  if (operations.size === 0)
    throw new Error(
      `API_KEY_SAFELIST is on but ${dir} holds no .graphql operations to allow: restore packages/client/operations or set API_KEY_SAFELIST=false.`,
    );
  return { enabled, operations };
}

/**
 * May this caller run this document? Only API keys are held to the safelist, and only
 * when it is on: users (the admin app's sessions and tokens) run any operation their role
 * allows. `document` is the query text or its parsed form.
 */
export function isOperationAllowed(
  safelist: Safelist,
  viewer: Viewer | null,
  document: string | DocumentNode,
): boolean {
  if (!safelist.enabled || viewer?.kind !== "apiKey") return true;
  try {
    return safelist.operations.has(documentHash(document));
  } catch {
    // Text that does not parse is no registered operation.
    return false;
  }
}

/** The coded refusal; HTTP 403, sent before any field runs, so nothing changes. */
export function operationNotAllowedError(): GraphQLError {
  return new GraphQLError(
    "This API key may run only the operations of the Sertakan client package (@sertakan/client), sent unchanged. Use the client's documents, or ask the national administrator for a session to explore.",
    { extensions: { code: OPERATION_NOT_ALLOWED, http: { status: 403 } } },
  );
}

/** Refuses, before execution, an API key's operation that is not on the safelist. */
export function safelistPlugin(safelist: Safelist): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (!safelist.enabled) return;
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!isOperationAllowed(safelist, contextValue.viewer, document))
            throw operationNotAllowedError();
        },
      };
    },
  };
}
