import { type Connection, walkConnection } from "./connection";

const page = <T>(items: T[], next: string | null, shape: "nodes" | "edges"): Connection<T> => ({
  pageInfo: { hasNextPage: next !== null, endCursor: next ?? "last" },
  ...(shape === "nodes" ? { nodes: items } : { edges: items.map((node) => ({ node })) }),
});

describe("walkConnection", () => {
  it.each(["nodes", "edges"] as const)(
    "yields every node across pages read from %s, passing each endCursor on",
    async (shape) => {
      const afters: (string | null)[] = [];
      const pages: Record<string, Connection<number>> = {
        start: page([1, 2], "c2", shape),
        c2: page([3, 4], "c4", shape),
        c4: page([5], null, shape),
      };
      const seen: number[] = [];
      for await (const n of walkConnection((after) => {
        afters.push(after);
        return Promise.resolve(pages[after ?? "start"]);
      }))
        seen.push(n);
      expect(seen).toEqual([1, 2, 3, 4, 5]);
      expect(afters).toEqual([null, "c2", "c4"]);
    },
  );

  it("asks for no further page once the loop stops", async () => {
    let calls = 0;
    for await (const n of walkConnection(async () => {
      calls++;
      return page([1, 2], "again-" + calls, "nodes");
    }))
      if (n === 2) break;
    expect(calls).toBe(1);
  });

  it("refuses a page that claims more but repeats its cursor", async () => {
    const walk = async () => {
      for await (const _ of walkConnection(async () => page([1], "same", "nodes")));
    };
    await expect(walk()).rejects.toThrow("no new endCursor");
  });
});
