import { createHash } from "node:crypto";
import {
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLSchema,
  OperationDefinitionNode,
  getArgumentValues,
} from "graphql";
import type { Pool } from "pg";
import { Access, currentYearMonth, masksPersonalData } from "@sertakan/schema";
import type { Logger } from "../observability/logger";
import type { Catalog, Ctx } from "./catalog";
import { Compiler } from "./compiler";
import { Fragments, NotCompiled, Selected, Variables, selectFields } from "./selection";
import { Params, jsonObject } from "./sql";

// Compiled reads at run time, two ways:
// - at the HTTP edge, a query operation whose every root field the catalog declares becomes
//   ONE statement whose single value is the JSON text of `data`, sent as the response;
// - inside GraphQL execution (a document that also asks for something else), each declared
//   root field is one statement whose objects are marked, so their fields are property reads.
// Statements are kept per document, caller scope, variables and month, and sent as named
// prepared statements, so PostgreSQL plans each once per connection.

type Statement = { name: string; text: string; values: unknown[] };
/** A compiled statement, or why it is not compiled. */
export type Compiled = Statement | { reason: string };

const MAX_STATEMENTS_PER_DOCUMENT = 200;

/** What `field` answers when the general path must resolve the field. */
export const NOT_COMPILED = Symbol("not compiled");

export type CompiledOperation = {
  /** The JSON text of `data`, or the reason it goes the general way. */
  answer: (access: Access, variables: Variables) => Promise<{ data: string } | { reason: string }>;
};

export class CompiledReads {
  private readonly compiler: Compiler;
  // Inside execution, statements are kept per operation (the parsed document Apollo caches).
  private readonly byOperation = new WeakMap<OperationDefinitionNode, Map<string, Compiled>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly catalog: Catalog,
    private readonly pool: () => Pool,
    private readonly now: () => Date,
    private readonly logger?: Logger,
  ) {
    this.compiler = new Compiler(catalog);
  }

  /** Is this root Query field declared? (A quick test before anything is built.) */
  has(field: string): boolean {
    return field in this.catalog.roots;
  }

  /** The operation's answerer at the edge, kept with the parsed document by its caller. */
  operation(operation: OperationDefinitionNode, fragments: Fragments): CompiledOperation {
    const statements = new Map<string, Compiled>();
    return {
      answer: async (access, variables) => {
        const compiled = this.kept(statements, this.keyOf(access, variables), () =>
          this.compile(operation, fragments, access, variables),
        );
        if ("reason" in compiled) {
          this.generalPath(operation, compiled.reason);
          return compiled;
        }
        const { rows } = await this.pool().query<{ data: string }>(compiled);
        return { data: rows[0].data };
      },
    };
  }

  /** One root field inside execution: its value with every object marked, or NOT_COMPILED. */
  async field(info: GraphQLResolveInfo, access: Access): Promise<unknown> {
    let statements = this.byOperation.get(info.operation);
    if (!statements) this.byOperation.set(info.operation, (statements = new Map()));
    const key = this.keyOf(access, info.variableValues, info.path.key);
    const compiled = this.kept(statements, key, () =>
      this.build(access, info.fragments, info.variableValues, true, (ctx) => {
        const spec = this.catalog.roots[info.fieldName];
        if (!spec) throw new NotCompiled(`Query.${info.fieldName}`);
        const definition = this.schema.getQueryType()!.getFields()[info.fieldName];
        const selected: Selected = {
          key: String(info.path.key),
          name: info.fieldName,
          args: getArgumentValues(definition, info.fieldNodes[0], info.variableValues),
          nodes: [...info.fieldNodes],
        };
        return this.compiler.root(spec, selected, ctx);
      }),
    );
    if ("reason" in compiled) {
      this.generalPath(info.operation, compiled.reason);
      return NOT_COMPILED;
    }
    const { rows } = await this.pool().query<{ data: string }>(compiled);
    return JSON.parse(rows[0].data);
  }

  /** The statement of a whole operation for one caller and variables (the edge's). */
  compile(
    operation: OperationDefinitionNode,
    fragments: Fragments,
    access: Access,
    variables: Variables,
  ): Compiled {
    return this.build(access, fragments, variables, false, (ctx) => {
      const query = this.schema.getQueryType() as GraphQLObjectType;
      const pairs: [string, string][] = [];
      for (const root of selectFields(query, [operation.selectionSet], fragments, variables)) {
        const spec = this.catalog.roots[root.name];
        if (!spec) throw new NotCompiled(`Query.${root.name}`);
        pairs.push([root.key, this.compiler.root(spec, root, ctx)]);
      }
      return jsonObject(pairs);
    });
  }

  private build(
    access: Access,
    fragments: Fragments,
    vars: Variables,
    mark: boolean,
    expression: (ctx: Ctx) => string,
  ): Compiled {
    let aliases = 0;
    let month: string | null = null;
    const params = new Params();
    const now = this.now();
    const ctx: Ctx = {
      params,
      access,
      masked: masksPersonalData(access),
      now,
      schema: this.schema,
      fragments,
      vars,
      mark,
      alias: () => `t${++aliases}`,
      currentMonth: () => (month ??= params.add(`${currentYearMonth(now)}-01`, "date")),
    };
    try {
      const text = `SELECT (${expression(ctx)})::text AS data`;
      // A parameter no part of the statement reads has no type, and PostgreSQL refuses the
      // whole statement: a declaration added one it then dropped. Said here, not at run time.
      params.values.forEach((_value, i) => {
        if (!text.includes(`$${i + 1}::`)) throw new Error(`parameter $${i + 1} is never read`);
      });
      const name = `cr-${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
      return { name, text, values: params.values };
    } catch (error) {
      // Not compiled, or an argument the general path refuses with its coded error.
      return { reason: error instanceof Error ? error.message : String(error) };
    }
  }

  // The month is part of every key: statements carry "this month" as a parameter value.
  private keyOf(access: Access, variables: Variables, field: string | number = "") {
    const month = currentYearMonth(this.now());
    return JSON.stringify([field, access.role, access.regionScope, month, variables]);
  }

  private kept(statements: Map<string, Compiled>, key: string, make: () => Compiled) {
    let compiled = statements.get(key);
    if (!compiled) {
      compiled = make();
      if (statements.size >= MAX_STATEMENTS_PER_DOCUMENT)
        statements.delete(statements.keys().next().value!);
      statements.set(key, compiled);
    }
    return compiled;
  }

  private generalPath(operation: OperationDefinitionNode, reason: string) {
    this.logger?.debug(
      { operationName: operation.name?.value ?? null, reason },
      "general path: not compiled",
    );
  }
}
