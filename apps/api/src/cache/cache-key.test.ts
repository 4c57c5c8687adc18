import { type GraphQLNamedType, getNamedType, isInterfaceType, isObjectType, isUnionType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema';
import { CACHEABLE_ROOT_FIELDS, cacheKey, canonicalJson, isCacheable, scopeOf } from './cache-key';

function operationOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  return { document, operation: operation?.kind === 'OperationDefinition' ? operation : undefined };
}

function keyOf(source: string, variables?: Record<string, unknown>, scope = 'ANALYST:', version = '7:true') {
  const { document, operation } = operationOf(source);
  return cacheKey({ document, operationName: operation?.name?.value ?? null, variables, scope, version });
}

describe('the cache key', () => {
  it('is the same for the same query written differently', () => {
    const compact = 'query Q($year: Int!) { overview(year: $year) { asOf kpis { metric value } } }';
    const spread = `# the overview
      query Q( $year : Int! ) {
        overview( year: $year ) {
          asOf,
          kpis { metric
                 value }
        }
      }`;
    expect(keyOf(spread, { year: 2025 })).toBe(keyOf(compact, { year: 2025 }));
  });

  it('does not depend on the order of the variables', () => {
    const query = 'query Q($year: Int!, $asOf: Date) { overview(year: $year, asOf: $asOf) { asOf } }';
    expect(keyOf(query, { year: 2025, asOf: '2025-06-30' })).toBe(keyOf(query, { asOf: '2025-06-30', year: 2025 }));
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
  });

  it('changes with the variables, the operation, the scope and the data version', () => {
    const query = 'query Q($year: Int!) { overview(year: $year) { asOf } }';
    const base = keyOf(query, { year: 2025 });
    expect(keyOf(query, { year: 2024 })).not.toBe(base);
    expect(keyOf('query R($year: Int!) { overview(year: $year) { asOf } }', { year: 2025 })).not.toBe(base);
    expect(keyOf(query, { year: 2025 }, 'REGIONAL:RBN')).not.toBe(base);
    expect(keyOf(query, { year: 2025 }, 'ANALYST:', '8:true')).not.toBe(base);
    expect(keyOf('query Q($year: Int!) { overview(year: $year) { asOf kpis { metric } } }', { year: 2025 })).not.toBe(
      base,
    );
  });

  it('is by role and region, never by user', () => {
    const user = (userId: number, role: 'REGIONAL' | 'ANALYST', regionCode: string | null) => ({
      userId,
      email: `${userId}@example.org`,
      name: 'Someone',
      role,
      regionCode,
      via: 'token' as const,
    });
    expect(scopeOf(user(1, 'REGIONAL', 'RBN'))).toBe(scopeOf(user(2, 'REGIONAL', 'RBN')));
    expect(scopeOf(user(1, 'REGIONAL', 'RBN'))).not.toBe(scopeOf(user(1, 'REGIONAL', 'RBB')));
    expect(scopeOf(user(1, 'ANALYST', null))).not.toBe(scopeOf(user(1, 'REGIONAL', 'RBN')));
    expect(scopeOf(null)).toBe('anonymous');
  });
});

describe('what may be cached', () => {
  const cacheable = (source: string) => {
    const { document, operation } = operationOf(source);
    return isCacheable(document, operation);
  };

  it('is a query whose root fields are all analytics or reference data', () => {
    expect(cacheable('{ overview(year: 2025) { asOf } }')).toBe(true);
    expect(cacheable('{ __typename a: panorama(regionCode: "RBN", year: 2025) { rank } regions { code } }')).toBe(true);
    expect(
      cacheable('query { ...Root } fragment Root on Query { metricCatalog { code } strategyPeriod { firstYear } }'),
    ).toBe(true);
  });

  it('is never a mutation, a query about a user, a detail list or introspection', () => {
    expect(cacheable('mutation { signOut }')).toBe(false);
    expect(cacheable('{ me { email } }')).toBe(false);
    expect(cacheable('{ overview(year: 2025) { asOf } myApiTokens { name } }')).toBe(false);
    expect(cacheable('query { ...Root } fragment Root on Query { users { email } }')).toBe(false);
    expect(cacheable('{ ... on Query { auditLog { totalCount } } }')).toBe(false);
    expect(cacheable('{ contributions(first: 5) { totalCount } }')).toBe(false);
    expect(cacheable('{ node(id: "x") { id } }')).toBe(false);
    expect(cacheable('{ __schema { queryType { name } } }')).toBe(false);
  });

  it('reaches no type about users, their tokens or the audit trail', () => {
    const reached = new Set<string>();
    const visit = (type: GraphQLNamedType) => {
      if (reached.has(type.name)) return;
      reached.add(type.name);
      if (isUnionType(type)) for (const member of type.getTypes()) visit(member);
      if (isInterfaceType(type)) for (const member of schema.getPossibleTypes(type)) visit(member);
      if (isObjectType(type) || isInterfaceType(type))
        for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    };
    const query = schema.getQueryType();
    if (!query) throw new Error('no Query type');
    for (const [name, field] of Object.entries(query.getFields())) {
      if (CACHEABLE_ROOT_FIELDS.has(name)) visit(getNamedType(field.type));
    }
    expect(reached.has('Overview') && reached.has('Panorama') && reached.has('MetricsResult')).toBe(true);
    for (const private_ of ['User', 'ApiToken', 'NewApiToken', 'AuditEntry', 'Session']) {
      expect(reached.has(private_), private_).toBe(false);
    }
  });
});
