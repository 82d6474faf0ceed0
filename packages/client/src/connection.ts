/** What every connection of the API has: `nodes` or `edges { node }`, and `pageInfo`. */
export type Connection<TNode> = {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes?: readonly TNode[] | null;
  edges?: readonly { node: TNode }[] | null;
};

/**
 * Walks a connection page by page and yields each node. `fetchPage` gets the previous
 * page's `endCursor` (null for the first page) and returns the connection, e.g.
 * `(after) => client.request(WorkersDocument, { regionCode, after }).then((d) => d.workers)`.
 * The next page is asked for only when the loop wants more, so `break` stops the requests.
 */
export async function* walkConnection<TNode>(
  fetchPage: (after: string | null) => Promise<Connection<TNode>>,
): AsyncGenerator<TNode, void, undefined> {
  let after: string | null = null;
  for (;;) {
    const page: Connection<TNode> = await fetchPage(after);
    const nodes = page.nodes ?? page.edges?.map((edge) => edge.node);
    if (!nodes)
      throw new TypeError("Select `nodes` or `edges { node }` in the connection to walk it.");
    yield* nodes;
    const { hasNextPage, endCursor } = page.pageInfo;
    if (!hasNextPage) return;
    // A cursor that does not move would loop for ever.
    if (!endCursor || endCursor === after)
      throw new TypeError("The connection says it has a next page but gave no new endCursor.");
    after = endCursor;
  }
}
