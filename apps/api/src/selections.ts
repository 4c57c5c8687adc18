import { type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected directly in `selectionSets`, through inline fragments and
 * fragment spreads. A spread of a fragment `fragmentOf` does not know counts as `…name`.
 */
export function selectedFieldNames(
  selectionSets: readonly SelectionSetNode[],
  fragmentOf: (name: string) => FragmentDefinitionNode | undefined,
): Set<string> {
  const names = new Set<string>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragmentOf(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
        else names.add(`…${selection.name.value}`);
      }
    }
  };
  for (const selectionSet of selectionSets) collect(selectionSet);
  return names;
}

/** Whether the field being resolved has `name` among its selected fields, under any alias. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const selectionSets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  return selectedFieldNames(selectionSets, (fragment) => info.fragments[fragment]).has(name);
}
