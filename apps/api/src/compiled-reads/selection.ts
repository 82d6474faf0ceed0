import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLSkipDirective,
  Kind,
  SelectionSetNode,
  getArgumentValues,
  getDirectiveValues,
} from "graphql";

// A selection as graphql-js executes it: fragments spread, @include/@skip decided with the
// request's variables, fields with one response key merged (first occurrence first), and
// each field's arguments coerced. The compiler reads only this, never the raw document.

export type Fragments = Record<string, FragmentDefinitionNode>;
export type Variables = Record<string, unknown>;

/** One response key of a selection set. */
export type Selected = {
  key: string;
  name: string;
  args: Record<string, unknown>;
  /** Every node asked under this key: their selection sets are merged, in order. */
  nodes: FieldNode[];
};

/** Thrown when something cannot compile; the caller answers the general way and logs why. */
export class NotCompiled extends Error {}

const KNOWN_DIRECTIVES = new Set(["include", "skip"]);

function included(node: { directives?: readonly { name: { value: string } }[] }, vars: Variables) {
  for (const d of node.directives ?? [])
    if (!KNOWN_DIRECTIVES.has(d.name.value)) throw new NotCompiled(`directive @${d.name.value}`);
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, vars);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, vars);
  return include?.if !== false;
}

/** The fields selected on `type` by the selection sets of `nodes`, merged by response key. */
export function selectFields(
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  fragments: Fragments,
  vars: Variables,
): Selected[] {
  const byKey = new Map<string, Selected>();
  const fields = type.getFields();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (!included(s, vars)) continue;
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const known = byKey.get(key);
        if (known) known.nodes.push(s);
        else {
          const name = s.name.value;
          const definition = fields[name] as GraphQLField<unknown, unknown> | undefined;
          const args = definition ? getArgumentValues(definition, s, vars) : {};
          byKey.set(key, { key, name, args, nodes: [s] });
        }
      } else {
        // Validation has checked type conditions; the read surface has no interfaces or unions.
        const condition = s.kind === Kind.INLINE_FRAGMENT ? s.typeCondition : null;
        if (condition && condition.name.value !== type.name)
          throw new NotCompiled(`fragment on ${condition.name.value}`);
        if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
        else {
          const fragment = fragments[s.name.value];
          if (!fragment) throw new NotCompiled(`unknown fragment ${s.name.value}`);
          if (fragment.typeCondition.name.value !== type.name)
            throw new NotCompiled(`fragment on ${fragment.typeCondition.name.value}`);
          // As graphql-js does: a fragment spread twice in one set counts once.
          if (visited.has(s.name.value)) continue;
          visited.add(s.name.value);
          walk(fragment.selectionSet);
        }
      }
    }
  };
  for (const set of sets) walk(set);
  return [...byKey.values()];
}

/** The selection sets under a selected field (all its nodes'). */
export function subSets(selected: Selected): SelectionSetNode[] {
  const sets: SelectionSetNode[] = [];
  for (const node of selected.nodes) if (node.selectionSet) sets.push(node.selectionSet);
  return sets;
}
