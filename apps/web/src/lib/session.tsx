import {
  createContext,
  Fragment,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type Client, type CombinedError, Provider as GraphqlProvider } from 'urql';
import { graphql, type ResultOf, readFragment } from './graphql';
import { createGraphqlClient, type GraphqlClientOptions } from './urql';

/** What the dashboard knows of the signed-in user: who, what role, which region. */
export const SessionUserFields = graphql(`
  fragment SessionUserFields on User {
    id
    email
    name
    role
    region {
      id
      code
      name
    }
  }
`);

export type SessionUser = ResultOf<typeof SessionUserFields>;
export type UserRole = SessionUser['role'];

/** Who is signed in: the user, or null for an anonymous visit. Open to anonymous requests. */
export const Session_Me = graphql(
  `
    query Session_Me {
      me {
        ...SessionUserFields
      }
    }
  `,
  [SessionUserFields],
);

/** Ends the session of the cookie: it stops working at once, wherever it was copied. */
export const Session_SignOut = graphql(`
  mutation Session_SignOut {
    signOut
  }
`);

/** Why nobody is signed in: never was, signed out here, or the API stopped accepting the session. */
export type SignedOutReason = 'anonymous' | 'signedOut' | 'expired';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: CombinedError }
  | { status: 'signedOut'; reason: SignedOutReason }
  | { status: 'signedIn'; user: SessionUser };

export interface Session {
  state: SessionState;
  /** The signed-in user, or null. */
  user: SessionUser | null;
  /** After a successful `signIn`: the user, and a new client whose cache is empty. */
  signedIn: (user: SessionUser) => void;
  /** Signs out with the API, then forgets the user and everything read. Throws when the API cannot be reached. */
  signOut: () => Promise<void>;
  /** Asks the API who is signed in again (after `me` failed). */
  retry: () => void;
  /**
   * After data changed other than through GraphQL (an import): forgets every answer read, so
   * that each page reads its figures again. Keeps the user and what is on screen.
   */
  forgetAnswers: () => void;
}

/** Outside a provider (unit tests of a single page): nobody, and nothing to do. */
const NO_SESSION: Session = {
  state: { status: 'signedOut', reason: 'anonymous' },
  user: null,
  signedIn: () => {},
  signOut: async () => {},
  retry: () => {},
  forgetAnswers: () => {},
};

const SessionContext = createContext<Session>(NO_SESSION);

export interface SessionProviderProps {
  children: ReactNode;
  /** Options of every client it builds (tests pass a fake `fetch`); read once. */
  clientOptions?: Omit<GraphqlClientOptions, 'onUnauthenticated'>;
  /**
   * Who is signed in, when already known (tests): skips asking `me`. Null starts signed out;
   * undefined (the default) asks the API.
   */
  initialUser?: SessionUser | null;
}

interface Store {
  /** Counts sign-ins, sign-outs and expiries: the client and everything below belong to one. */
  generation: number;
  client: Client;
  state: SessionState;
}

function initialState(initialUser: SessionUser | null | undefined): SessionState {
  if (initialUser === undefined) return { status: 'loading' };
  return initialUser ? { status: 'signedIn', user: initialUser } : { status: 'signedOut', reason: 'anonymous' };
}

/**
 * Holds who is signed in, asked of the API's `me` at the start, and the GraphQL client of that
 * user. Every change of user (sign-in, sign-out, a session that expired) builds a new client,
 * with an empty cache, and renders everything below afresh: nothing read by the previous user
 * stays on screen or in memory. Any answer that says UNAUTHENTICATED ends the session here too.
 */
export function SessionProvider({ children, clientOptions, initialUser }: SessionProviderProps) {
  const options = useRef(clientOptions);
  const generation = useRef(0);
  const resetRef = useRef<(state: SessionState) => void>(() => {});

  const buildClient = useCallback(
    (owner: number) =>
      createGraphqlClient({
        ...options.current,
        // A late answer to a client of an earlier user is ignored.
        onUnauthenticated: () => {
          if (owner === generation.current) resetRef.current({ status: 'signedOut', reason: 'expired' });
        },
      }),
    [],
  );

  const [store, setStore] = useState<Store>(() => ({
    generation: 0,
    client: buildClient(0),
    state: initialState(initialUser),
  }));

  const reset = useCallback(
    (state: SessionState) => {
      generation.current += 1;
      const next = generation.current;
      setStore({ generation: next, client: buildClient(next), state });
    },
    [buildClient],
  );
  resetRef.current = reset;

  const loading = store.state.status === 'loading';
  const { client } = store;
  useEffect(() => {
    if (!loading) return;
    let current = true;
    client
      .query(Session_Me, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!current) return;
        let state: SessionState;
        if (result.error) state = { status: 'error', error: result.error };
        else {
          const me = result.data?.me ? readFragment(SessionUserFields, result.data.me) : null;
          state = me ? { status: 'signedIn', user: me } : { status: 'signedOut', reason: 'anonymous' };
        }
        setStore((stored) => (stored.client === client ? { ...stored, state } : stored));
      });
    return () => {
      current = false;
    };
  }, [loading, client]);

  const signedIn = useCallback((user: SessionUser) => reset({ status: 'signedIn', user }), [reset]);
  const signOut = useCallback(async () => {
    const result = await client.mutation(Session_SignOut, {}).toPromise();
    if (result.error) throw result.error;
    reset({ status: 'signedOut', reason: 'signedOut' });
  }, [client, reset]);
  const retry = useCallback(() => setStore((stored) => ({ ...stored, state: { status: 'loading' } })), []);
  const forgetAnswers = useCallback(
    () => setStore((stored) => ({ ...stored, client: buildClient(stored.generation) })),
    [buildClient],
  );

  const { state } = store;
  const session = useMemo<Session>(
    () => ({
      state,
      user: state.status === 'signedIn' ? state.user : null,
      signedIn,
      signOut,
      retry,
      forgetAnswers,
    }),
    [state, signedIn, signOut, retry, forgetAnswers],
  );

  return (
    <SessionContext value={session}>
      <GraphqlProvider value={client}>
        {/* A new user, a new tree: no component keeps state from the previous one. */}
        <Fragment key={store.generation}>{children}</Fragment>
      </GraphqlProvider>
    </SessionContext>
  );
}

/** The session: who is signed in, and how to sign in and out. */
export function useSession(): Session {
  return useContext(SessionContext);
}

/** The signed-in user, or null (outside a session provider too). */
export function useCurrentUser(): SessionUser | null {
  return useContext(SessionContext).user;
}
