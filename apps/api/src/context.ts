import type { Database } from '@panorama/db';
import type { Viewer } from './auth/viewer';
import type { LargeAnswerGate } from './large-answers';
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
  /**
   * Waits for this request's turn to build and send an answer of `rows` rows when that is a
   * large one (see `LargeAnswerGate`); at once otherwise, or when the request already has its turn.
   */
  admitLargeAnswer(rows: number): Promise<void>;
  /** Told when this request's answer is in the response cache (found there, or just kept), with its data version. */
  onCached?(version: string, answer: Record<string, unknown>): void;
}

/** How a request meets the gate of large answers: the gate, and when the request's answer is sent. */
export interface LargeAnswerTurn {
  gate: LargeAnswerGate;
  /** Calls `release` once the request's response has been sent, or its client has gone. */
  whenSent(release: () => void): void;
}

export function createContext(
  db: Database,
  viewer: Viewer | null,
  auth: AuthSettings,
  http: {
    cookieHeader?: string | undefined;
    setCookie?: (value: string) => void;
    largeAnswers?: LargeAnswerTurn;
    onCached?: Context['onCached'];
  } = {},
): Context {
  let admitted: Promise<void> | undefined;
  const { largeAnswers } = http;
  return {
    db,
    loaders: createLoaders(db),
    viewer,
    auth,
    cookieHeader: http.cookieHeader,
    setCookie: http.setCookie ?? (() => undefined),
    onCached: http.onCached,
    admitLargeAnswer(rows) {
      if (!largeAnswers || rows <= largeAnswers.gate.settings.rows) return Promise.resolve();
      // One turn per request, however many of its fields are large.
      admitted ??= largeAnswers.gate.enter().then((release) => largeAnswers.whenSent(release));
      return admitted;
    },
  };
}
