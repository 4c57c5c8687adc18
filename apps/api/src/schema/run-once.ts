/**
 * A drizzle query is a lazy thenable: it runs its SQL each time `then` is called on it. graphql-js
 * calls `then` on a resolver's result, and so does Apollo's field instrumentation, so a resolver
 * that returns the query itself runs it twice. This wraps it in a real promise, which calls
 * `then` once: every resolver that returns a drizzle query or count should return it through here.
 */
export function runOnce<T>(query: PromiseLike<T>): Promise<T> {
  return Promise.resolve(query);
}
