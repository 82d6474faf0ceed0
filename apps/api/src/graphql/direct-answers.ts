import type { NextFunction, Request, RequestHandler, Response } from "express";
import {
  DocumentNode,
  FieldNode,
  GraphQLField,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  ValidationRule,
  getArgumentValues,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { masksPersonalData } from "@sertakan/schema";
import type { Fragments } from "../compiled-reads/selection";
import type { Viewer } from "../modules/auth/viewer";
import { recordOperation } from "../observability/metrics";
import { SERVICE_UNAVAILABLE } from "../database/unavailable";
import { describeDatabaseError } from "./errors";
import type { CompiledOperation, CompiledReads } from "../compiled-reads/reads";
import type { Logger } from "../observability/logger";

// Direct answers (PERFORMANCE.md): a query whose every root field PostgreSQL can answer whole
// as JSON is answered here, at the HTTP edge, with that JSON as the response body. It skips
// the per-request work of Apollo and graphql-js (building a context, executing and
// serializing thousands of fields) which cost more Node time than the SQL costs PostgreSQL.
//
// It only ever answers successes. Anything it does not know, and every error, goes on to
// Apollo (`next()`), which answers it the general way: same rules, same coded errors.
// Authentication, rate limiting and body limits ran before this, as for every request.

declare module "express-serve-static-core" {
  interface Request {
    directTried?: boolean;
  }
}

/** Answers one root field for a caller as JSON text (`null` included). */
export type DirectAnswer = (viewer: Viewer, args: Record<string, unknown>) => Promise<string>;

/**
 * Compiles a root Query field's selection, or null when it needs the general path. Only for
 * fields whose answer applies the caller's scope itself, and whose role rule (if any) it
 * checks by throwing, so that the general path refuses with its coded error.
 */
export type DirectField = (
  field: FieldNode,
  fragments: Fragments,
  masked: boolean,
) => DirectAnswer | null;

type Root = { key: string; node: FieldNode; definition: GraphQLField<unknown, unknown> };

type Plan = {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  roots: Root[];
  /** Per masking, compiled on first use; null: not answerable directly. */
  answers: Map<boolean, DirectAnswer[] | null>;
  fragments: Fragments;
  /** Each root's arguments, kept when the operation has no variables: they cannot change. */
  fixedArgs?: Record<string, unknown>[];
  /** Set when every root field is a compiled read (compiled-reads/): one statement answers. */
  compiled?: CompiledOperation;
};

// Documents are few (the programs and the admin app send the same ones again and again);
// the bounds keep a stream of one-off or padded documents from growing memory: at most 500
// texts of at most 16 KB, the least recently used going first. Longer ones go to Apollo.
const MAX_DOCUMENTS = 500;
const MAX_DOCUMENT_LENGTH = 16_384;

export function directAnswers(
  schema: GraphQLSchema,
  fields: Record<string, DirectField>,
  options: {
    validationRules?: readonly ValidationRule[];
    maxTokens?: number;
    /** May this caller run this document (the API-key safelist)? Refusals are Apollo's to say. */
    allows?: (viewer: Viewer, document: DocumentNode) => boolean;
    /** The read surface compiled to one statement per request. */
    compiled?: CompiledReads;
    /** Says at debug level why a query goes the general way. */
    logger?: Logger;
  } = {},
): RequestHandler {
  const rules = [...specifiedRules, ...(options.validationRules ?? [])];
  const queryFields = schema.getQueryType()!.getFields();
  const plans = new Map<string, Plan | null>();

  const planOf = (text: string): Plan | null => {
    if (text.length > MAX_DOCUMENT_LENGTH) return null;
    const known = plans.get(text);
    if (known !== undefined) {
      plans.delete(text); // most recently used goes last
      plans.set(text, known);
      return known;
    }
    let plan: Plan | null = null;
    try {
      const document = parse(text, { maxTokens: options.maxTokens, noLocation: true });
      if (validate(schema, document, rules).length === 0) plan = planDocument(document);
    } catch {
      plan = null; // Apollo reports the syntax error
    }
    if (plans.size >= MAX_DOCUMENTS) plans.delete(plans.keys().next().value!);
    plans.set(text, plan);
    return plan;
  };

  const planDocument = (document: DocumentNode): Plan | null => {
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const [operation] = operations;
    if (operations.length !== 1 || operation.operation !== "query") return null;
    if (operation.directives?.length) return null;
    const fragments: Fragments = {};
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    const compiled = options.compiled;
    if (compiled && rootNames(operation).every((name) => compiled.has(name)))
      return {
        document,
        operation,
        roots: [],
        fragments,
        answers: new Map(),
        compiled: compiled.operation(operation, fragments),
      };
    const roots: Root[] = [];
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.directives?.length) return null;
      const name = selection.name.value;
      const key = selection.alias?.value ?? name;
      // A repeated response key would have to be merged as graphql-js does: leave it to it.
      if (!fields[name] || roots.some((r) => r.key === key)) return null;
      roots.push({ key, node: selection, definition: queryFields[name] });
    }
    return { document, operation, roots, fragments, answers: new Map() };
  };

  const answersOf = (plan: Plan, masked: boolean): DirectAnswer[] | null => {
    if (!plan.answers.has(masked)) {
      const answers = plan.roots.map((r) =>
        fields[r.node.name.value](r.node, plan.fragments, masked),
      );
      plan.answers.set(masked, answers.every(Boolean) ? (answers as DirectAnswer[]) : null);
    }
    return plan.answers.get(masked)!;
  };

  return (req: Request, res: Response, next: NextFunction) => {
    // Once per request: what the GraphQL edge (http/graphql-edge.ts) left goes to Apollo.
    if (req.directTried) return next();
    req.directTried = true;
    const started = performance.now();
    const viewer = req.viewer;
    const body = req.body as Record<string, unknown> | undefined;
    // Signed-in POSTs only, and only what Apollo would answer as plain JSON: persisted-query
    // extensions and unusual Accept headers are Apollo's to negotiate.
    if (!viewer || req.method !== "POST" || !body || typeof body.query !== "string") return next();
    if (body.extensions !== undefined || !acceptsJson(req.headers.accept)) return next();
    const variables = body.variables ?? {};
    if (typeof variables !== "object" || variables === null || Array.isArray(variables))
      return next();
    const plan = planOf(body.query);
    if (!plan) {
      options.logger?.debug({ reason: "not a single query of known root fields" }, "general path");
      return next();
    }
    if (options.allows && !options.allows(viewer, plan.document)) return next();
    if (body.operationName != null && body.operationName !== plan.operation.name?.value)
      return next();
    if (plan.compiled) {
      const definitions = plan.operation.variableDefinitions ?? [];
      const coerced = getVariableValues(schema, definitions, variables as Record<string, unknown>);
      if (coerced.errors) return next();
      plan.compiled.answer(viewer, coerced.coerced).then((result) => {
        if ("reason" in result) {
          options.logger?.debug(
            { operationName: plan.operation.name?.value ?? null, reason: result.reason },
            "general path: not compiled",
          );
          return next();
        }
        send(res, plan, started, `{"data":${result.data}}`);
      }, failed(next));
      return;
    }
    const answers = answersOf(plan, masksPersonalData(viewer));
    if (!answers) return next();
    const definitions = plan.operation.variableDefinitions ?? [];
    const coerced = getVariableValues(schema, definitions, variables as Record<string, unknown>);
    if (coerced.errors) return next();

    const answer = async () => {
      const args =
        plan.fixedArgs ??
        plan.roots.map((root) => getArgumentValues(root.definition, root.node, coerced.coerced));
      if (!definitions.length) plan.fixedArgs = args;
      return Promise.all(plan.roots.map((_root, i) => answers[i](viewer, args[i])));
    };
    answer().then((texts) => {
      let data = "";
      plan.roots.forEach((root, i) => {
        data += `${i ? "," : ""}${JSON.stringify(root.key)}:${texts[i]}`;
      });
      send(res, plan, started, `{"data":{${data}}}`);
    }, failed(next));
  };
}

function rootNames(operation: OperationDefinitionNode): string[] {
  // Fragments at the root are rare; their fields are checked when compiled.
  return operation.selectionSet.selections.map((s) =>
    s.kind === Kind.FIELD ? s.name.value : "__fragment",
  );
}

function send(res: Response, plan: Plan, started: number, body: string) {
  // Metrics and the request's log line, as Apollo's plugin records them.
  const name = plan.operation.name?.value ?? null;
  recordOperation({ operationName: name, durationMs: performance.now() - started, errorCodes: [] });
  res.locals.operation = { name, errorCodes: [] };
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(body);
}

// A database that is down or a statement the timeout stopped is answered at once (503 or
// 504, coded): running the request again through Apollo would double the wait and the load.
// Any other error (a bad argument, a cursor, a page too large…) is the general path's to
// answer, with its coded message.
const failed = (next: NextFunction) => (error: unknown) => {
  const code = describeDatabaseError(error as { code?: string })?.code;
  return code === "TIMEOUT" || code === SERVICE_UNAVAILABLE.code ? next(error) : next();
};

// Apollo would answer a client that lists the GraphQL media type in it; leave those to it.
function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  if (accept.includes("application/graphql-response+json")) return false;
  return accept.includes("application/json") || accept.includes("*/*");
}
