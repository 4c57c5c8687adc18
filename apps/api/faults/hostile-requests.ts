/**
 * The hostile GraphQL requests of fault 6 (`hostile-graphql.test.ts`), each with the status and
 * the message it must be refused with, and the full introspection query a client may send often.
 */

export interface HostileRequest {
  name: string;
  send(url: string, token: string): Promise<Response>;
  status: number;
  message: RegExp;
}

function post(body: string, contentType = 'application/json') {
  return (url: string, token: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
      body,
    });
}

const query = (text: string) => post(JSON.stringify({ query: text }));

function nested(levels: number): string {
  let selection = 'code';
  for (let level = 0; level < levels; level++) selection = `countries { region { ${selection} } }`;
  return `{ regions { ${selection} } }`;
}

export const FULL_INTROSPECTION = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`;

export const HOSTILE: HostileRequest[] = [
  {
    name: 'deep nesting (41 levels)',
    send: query(nested(20)),
    status: 400,
    message: /^This query's depth is 42, over the limit of 12: nest fewer levels\.$/,
  },
  {
    name: 'deep nesting (5,000 levels of brackets)',
    send: query(nested(2_500)),
    status: 400,
    message: /^This query nests 5002 levels of brackets; at most 100 are allowed/,
  },
  {
    name: '500 aliases',
    send: query(`{ ${Array.from({ length: 500 }, (_, index) => `a${index}: regions { code }`).join(' ')} }`),
    status: 400,
    message: /^This query uses more than 100 aliases; at most 100 are allowed\.$/,
  },
  {
    name: '1,000 duplicated fields',
    send: query(`{ regions { ${'code '.repeat(1_000)}} }`),
    status: 400,
    message: /^This query's breadth is 1001, over the limit of 400: select fewer fields or aliases\.$/,
  },
  {
    name: 'circular fragments',
    send: query(
      '{ regions { ...A } } fragment A on Region { countries { region { ...B } } } fragment B on Region { ...A }',
    ),
    status: 400,
    message: /^Cannot spread fragment "A" within itself via "B"\.$/,
  },
  {
    name: 'fragments that double at each level (2^30 fields)',
    send: query(
      `{ regions { ...F0 } } ${Array.from(
        { length: 30 },
        (_, index) => `fragment F${index} on Region { code ${index < 29 ? `...F${index + 1} ...F${index + 1}` : ''} }`,
      ).join(' ')}`,
    ),
    status: 400,
    message: /^This query's breadth is \d+, over the limit of 400/,
  },
  {
    name: '1,000 directives',
    send: query(`{ regions ${'@skip(if: false) '.repeat(1_000)}{ code } }`),
    status: 400,
    message: /^This query uses 1000 directives; at most 50 are allowed\.$/,
  },
  {
    name: '20,000 tokens',
    send: query(`{ regions { code } } ${'query Q { __typename } '.repeat(5_000)}`),
    status: 400,
    message: /^This query is too long: it has more than 10000 tokens/,
  },
  {
    name: 'a batch of 100 operations',
    send: post(JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ regions { code } }' })))),
    status: 400,
    message: /^Send one operation per request: a JSON array of operations \(batching\) is not accepted\.$/,
  },
  {
    name: '50 introspections of the schema in one query',
    send: query(`{ ${Array.from({ length: 50 }, (_, index) => `s${index}: __schema { types { name } }`).join(' ')} }`),
    status: 400,
    message: /^This query asks for `__schema` 50 times; ask for it once\.$/,
  },
  {
    name: 'a body over 1 MB',
    send: query(`{ regions { code } } # ${'x'.repeat(1_100_000)}`),
    status: 413,
    message: /^The request body is over the limit of 1 MB/,
  },
  {
    name: 'a body of 20 MB',
    send: post('x'.repeat(20_000_000)),
    status: 413,
    message: /^The request body is over the limit of 1 MB/,
  },
  {
    name: 'malformed JSON',
    send: post('{"query": "{ regions { code } }"'),
    status: 400,
    message: /^The request body is not valid JSON \(/,
  },
  {
    name: 'text/plain',
    send: post('{ regions { code } }', 'text/plain'),
    status: 415,
    message: /^Send GraphQL requests as JSON, with `Content-Type: application\/json` \(not text\/plain\)\.$/,
  },
  {
    name: 'a form',
    send: post('query=%7B%20regions%20%7B%20code%20%7D%20%7D', 'application/x-www-form-urlencoded'),
    status: 415,
    message: /^Send GraphQL requests as JSON/,
  },
  {
    name: 'XML',
    send: post('<query>regions</query>', 'application/xml'),
    status: 415,
    message: /^Send GraphQL requests as JSON/,
  },
  {
    name: 'a mutation over GET',
    send: (url, token) =>
      fetch(`${url}/graphql?query=${encodeURIComponent('mutation { signOut }')}`, {
        headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
      }),
    status: 405,
    message: /^GET requests only support query operations, not mutation operations$/,
  },
  {
    name: 'a mutation over GET, as a cross-site page would send it',
    send: (url) => fetch(`${url}/graphql?query=${encodeURIComponent('mutation { signOut }')}`),
    status: 400,
    message: /^This operation has been blocked as a potential Cross-Site Request Forgery/,
  },
];
