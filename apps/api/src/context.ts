import type { Database } from '@panorama/db';
import type { Viewer } from './auth/viewer';
import { createLoaders, type Loaders } from './loaders';

/** How sign-in behaves: session length, cookie security, throttling of failures. */
export interface AuthSettings {
  sessionTtlHours: number;
  /** Mark the cookie `Secure` (HTTPS only). */
  secureCookie: boolean;
  maxFailures: number;
  lockSeconds: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What every resolver receives: the database, the batch loaders, and who is asking. */
export interface Context {
  db: Database;
  loaders: Loaders;
  /** The signed-in user or token owner; null for an anonymous request. */
  viewer: Viewer | null;
  auth: AuthSettings;
  /** The request's Cookie header, for sign-out. */
  cookieHeader: string | undefined;
  /** Adds a `Set-Cookie` header to the response (sign-in, sign-out). */
  setCookie(value: string): void;
}

export function createContext(
  db: Database,
  viewer: Viewer | null,
  auth: AuthSettings,
  http: { cookieHeader?: string | undefined; setCookie?: (value: string) => void } = {},
): Context {
  return {
    db,
    loaders: createLoaders(db),
    viewer,
    auth,
    cookieHeader: http.cookieHeader,
    setCookie: http.setCookie ?? (() => undefined),
  };
}
