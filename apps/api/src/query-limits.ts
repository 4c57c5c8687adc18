import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/** The most aliases one operation may use; 500 aliases of one expensive field is an attack. */
export const MAX_ALIASES = 100;

/** Refuses an operation that uses more than `max` aliases, before it runs. */
export function maxAliasesRule(max = MAX_ALIASES): ValidationRule {
  return (context: ValidationContext) => {
    let aliases = 0;
    return {
      Field(node) {
        if (!node.alias) return;
        aliases += 1;
        if (aliases === max + 1) {
          context.reportError(
            new GraphQLError(`This query uses more than ${max} aliases; at most ${max} are allowed.`, {
              nodes: node,
              extensions: { code: 'QUERY_TOO_COMPLEX', kind: 'aliases', allowed: max },
            }),
          );
        }
      },
    };
  };
}
