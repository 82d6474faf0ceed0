import { Arg, ClassType, Field, Int, ObjectType } from "type-graphql";
import { BadUserInputError } from "@sertakan/schema";

export const MAX_PAGE_SIZE = 200;

@ObjectType("PageInfo", { description: "Where a page sits in its list." })
export class PageInfo {
  @Field(() => Boolean, { description: "More items follow: ask again with after: endCursor." })
  hasNextPage!: boolean;
  @Field(() => Boolean, { description: "This page was asked for with an after cursor." })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: "Cursor of the first item; null if empty." })
  startCursor!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item, to pass as after for the next page; null if empty.",
  })
  endCursor!: string | null;
}

const DEFAULT_PAGE_SIZE = 50;

/** The `first` argument of every paginated list: its page size. */
export const PageSizeArg = () =>
  Arg("first", () => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `Page size, 1 to ${MAX_PAGE_SIZE}.`,
  });

/** The `after` argument of every paginated list: where the next page starts. */
export const AfterCursorArg = () =>
  Arg("after", () => String, { nullable: true, description: "endCursor of the previous page." });

/** `first` is capped so one request can never ask for the whole table. */
export function checkPageSize(
  first: number | null | undefined,
  fallback = DEFAULT_PAGE_SIZE,
): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `first must be between 1 and ${MAX_PAGE_SIZE}, got ${size}.`,
      "first",
    );
  }
  return size;
}

// Cursors are opaque to clients: base64url of the sort key of the last row seen.
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    // fall through to the coded error below
  }
  throw new BadUserInputError(
    "The cursor in `after` is not one this API issued. Use an endCursor from a previous page.",
    "after",
  );
}

export type Page<T> = {
  nodes: T[];
  hasNextPage: boolean;
  hadCursor: boolean;
  cursorOf: (node: T) => string;
  count: () => Promise<number>;
};

/** A page whose nodes are JSON text already (direct answers); cursors by position. */
export type JsonPage = Omit<Page<string>, "cursorOf"> & { cursorAt: (index: number) => string };

function pageInfoOf(
  length: number,
  page: { hasNextPage: boolean; hadCursor: boolean },
  cursorAt: (index: number) => string,
): PageInfo {
  return {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hadCursor,
    startCursor: length ? cursorAt(0) : null,
    endCursor: length ? cursorAt(length - 1) : null,
  };
}

/** Builds the Connection and Edge types of a node type, e.g. WorkerConnection / WorkerEdge. */
export function connectionTypes<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque position of this item; pass it as after." })
    cursor!: string;
    @Field(() => nodeType, { description: `The ${name}.` }) node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `One page of ${name} items: nodes (or edges with cursors) and pageInfo.`,
  })
  class Connection {
    /** Not a GraphQL field: what the getters below read. */
    page!: Page<T>;

    static of(page: Page<T>): Connection {
      const connection = new Connection();
      connection.page = page;
      return connection;
    }

    @Field(() => [nodeType], { description: "The items of this page." }) get nodes(): T[] {
      return this.page.nodes;
    }

    @Field(() => [Edge], { description: "The items of this page, each with its cursor." })
    get edges(): Edge[] {
      return this.page.nodes.map((node) =>
        Object.assign(new Edge(), { node, cursor: this.page.cursorOf(node) }),
      );
    }

    @Field(() => PageInfo, { description: "Whether more pages follow, and the cursors." })
    get pageInfo(): PageInfo {
      const { nodes, cursorOf } = this.page;
      return pageInfoOf(nodes.length, this.page, (i) => cursorOf(nodes[i]));
    }

    // Counted only when asked for: a count is the most expensive part of a page.
    @Field(() => Int, {
      description: "Items in the whole list with this filter, not just this page.",
    })
    totalCount(): Promise<number> {
      return this.page.count();
    }
  }

  return { Edge, Connection };
}

/**
 * A connection written as JSON text in the order `shape` asks, around nodes that already
 * are JSON text (direct answers). The same fields and rules as the Connection type above.
 */
export async function connectionJson(
  typeName: string,
  shape: Record<string, unknown>,
  page: JsonPage,
): Promise<string> {
  const { nodes } = page;
  const count = "totalCount" in shape ? page.count() : null;
  const parts: string[] = [];
  for (const [field, sub] of Object.entries(shape)) {
    let value: string;
    if (field === "__typename") value = JSON.stringify(`${typeName}Connection`);
    else if (field === "nodes") value = `[${nodes.join(",")}]`;
    else if (field === "totalCount") value = String(await count);
    else if (field === "edges") {
      const edge = Object.keys(sub as object);
      value = `[${nodes
        .map((node, i) => {
          const out = edge.map((k) =>
            k === "node"
              ? `"node":${node}`
              : k === "cursor"
                ? `"cursor":${JSON.stringify(page.cursorAt(i))}`
                : `"__typename":"${typeName}Edge"`,
          );
          return `{${out.join(",")}}`;
        })
        .join(",")}]`;
    } else if (field === "pageInfo") {
      const info: Record<string, unknown> = {
        __typename: "PageInfo",
        ...pageInfoOf(nodes.length, page, page.cursorAt),
      };
      value = JSON.stringify(
        Object.fromEntries(Object.keys(sub as object).map((k) => [k, info[k]])),
      );
    } else throw new Error(`connectionJson: ${field} is not a connection field`);
    parts.push(`${JSON.stringify(field)}:${value}`);
  }
  return `{${parts.join(",")}}`;
}
