import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { BadUserInputError } from "@sertakan/schema";

export const MAX_PAGE_SIZE = 200;

@ObjectType("PageInfo")
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** `first` is capped so one request can never ask for the whole table. */
export function checkPageSize(first: number | null | undefined, fallback = 50): number {
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

/** Builds the Connection and Edge types of a node type, e.g. WorkerConnection / WorkerEdge. */
export function connectionTypes<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    /** Not a GraphQL field: what the getters below read. */
    page!: Page<T>;

    static of(page: Page<T>): Connection {
      const connection = new Connection();
      connection.page = page;
      return connection;
    }

    @Field(() => [nodeType]) get nodes(): T[] {
      return this.page.nodes;
    }

    @Field(() => [Edge]) get edges(): Edge[] {
      return this.page.nodes.map((node) =>
        Object.assign(new Edge(), { node, cursor: this.page.cursorOf(node) }),
      );
    }

    @Field(() => PageInfo) get pageInfo(): PageInfo {
      const { nodes, cursorOf } = this.page;
      return {
        hasNextPage: this.page.hasNextPage,
        hasPreviousPage: this.page.hadCursor,
        startCursor: nodes.length ? cursorOf(nodes[0]) : null,
        endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]) : null,
      };
    }

    // Counted only when asked for: a count is the most expensive part of a page.
    @Field(() => Int) totalCount(): Promise<number> {
      return this.page.count();
    }
  }

  return { Edge, Connection };
}
