import { apiTokens, recordAudit, users } from '@panorama/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { issueApiToken } from '../auth/api-tokens';
import { endSession, sessionCookie, startSession } from '../auth/authenticate';
import { verifyPassword } from '../auth/secrets';
import { clearFailures, lockedUntil, recordFailure } from '../auth/throttle';
import { createUser, NewUserSchema } from '../auth/users';
import { builder } from '../builder';
import type { Context } from '../context';
import { UserRoleEnum } from './enums';
import { ErrorInterface, InvalidInputError } from './errors';

/** A refused sign-in: wrong email or password, or too many failures in a row. */
export class SignInError extends Error {
  override name = 'SignInError';
  constructor(
    message: string,
    readonly lockedUntil: Date | null,
  ) {
    super(message);
  }
}

builder.objectType(SignInError, {
  name: 'SignInError',
  description: 'The sign-in was refused. The message does not say whether the email exists.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    lockedUntil: t.string({
      nullable: true,
      description: 'When sign-in opens again, as an ISO 8601 timestamp, if too many failures locked it.',
      resolve: (error) => error.lockedUntil?.toISOString() ?? null,
    }),
  }),
});

export const User = builder.drizzleNode('users', {
  name: 'User',
  description: 'A person who signs in to Panorama, with one role.',
  id: { column: (user) => user.id },
  // Users see themselves; admins see everyone.
  authScopes: (user, context) => (context.viewer?.userId === user.id ? true : { roles: ['ADMIN'] }),
  fields: (t) => ({
    email: t.exposeString('email', { description: 'The address the user signs in with.' }),
    name: t.exposeString('name', { description: 'The user’s name.' }),
    role: t.expose('role', { type: UserRoleEnum, description: 'What the user may do.' }),
    region: t.relation('region', { nullable: true, description: 'The region of a REGIONAL user; null otherwise.' }),
    active: t.exposeBoolean('active', { description: 'False once the account is switched off.' }),
  }),
});

const ApiToken = builder.drizzleObject('apiTokens', {
  name: 'ApiToken',
  description: 'A token a script sends as `Authorization: Bearer …`. Only its first characters are kept in clear.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'The token’s number, to revoke it.' }),
    name: t.exposeString('name', { description: 'What the token is for.' }),
    prefix: t.exposeString('prefix', { description: 'Its first characters, to tell tokens apart.' }),
    createdAt: t.string({
      description: 'When it was created (ISO 8601).',
      select: { columns: { createdAt: true } },
      resolve: (token) => token.createdAt.toISOString(),
    }),
    expiresAt: t.string({
      nullable: true,
      description: 'When it stops working (ISO 8601); null when it does not expire.',
      select: { columns: { expiresAt: true } },
      resolve: (token) => token.expiresAt?.toISOString() ?? null,
    }),
    revokedAt: t.string({
      nullable: true,
      description: 'When it was revoked (ISO 8601); null while it works.',
      select: { columns: { revokedAt: true } },
      resolve: (token) => token.revokedAt?.toISOString() ?? null,
    }),
    lastUsedAt: t.string({
      nullable: true,
      description: 'When it was last used, to the minute (ISO 8601).',
      select: { columns: { lastUsedAt: true } },
      resolve: (token) => token.lastUsedAt?.toISOString() ?? null,
    }),
  }),
});

const NewApiToken = builder
  .objectRef<{ token: string; apiToken: typeof apiTokens.$inferSelect }>('NewApiToken')
  .implement({
    description: 'A token just created. The secret is shown this once: it is stored only as a hash.',
    fields: (t) => ({
      token: t.exposeString('token', { description: 'The secret to send as `Authorization: Bearer <token>`.' }),
      apiToken: t.field({ type: ApiToken, description: 'The stored token.', resolve: (created) => created.apiToken }),
    }),
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function signedIn(context: Context) {
  if (!context.viewer) throw new Error('unreachable: the field requires a signed-in user');
  return context.viewer;
}

builder.queryFields((t) => ({
  me: t.drizzleField({
    type: 'users',
    nullable: true,
    // Open to anonymous requests, unlike every other root field (see `schema/index.ts`).
    skipTypeScopes: true,
    description: 'The signed-in user, or null for an anonymous request: what a sign-in page needs.',
    resolve: (query, _root, _args, context) =>
      context.viewer
        ? context.db.query.users.findFirst(query({ where: { id: context.viewer.userId } })).then((user) => user ?? null)
        : null,
  }),
  myApiTokens: t.drizzleField({
    type: ['apiTokens'],
    authScopes: { roles: ['ANALYST', 'ADMIN'] },
    description: 'The signed-in user’s API tokens, newest first, revoked ones included.',
    resolve: (query, _root, _args, context) =>
      context.db.query.apiTokens.findMany(
        query({ where: { userId: signedIn(context).userId }, orderBy: { id: 'desc' } }),
      ),
  }),
  users: t.drizzleField({
    type: ['users'],
    authScopes: { roles: ['ADMIN'] },
    description: 'Every user, by email.',
    resolve: (query, _root, _args, context) => context.db.query.users.findMany(query({ orderBy: { email: 'asc' } })),
  }),
}));

builder.mutationType({ description: 'What can be changed in Panorama. Every change is recorded in the audit trail.' });

builder.mutationFields((t) => ({
  signIn: t.field({
    type: User,
    description:
      'Signs in with an email and a password and sets the session cookie (HTTP-only). Failures in a row slow down, then lock sign-in for a while.',
    errors: { types: [SignInError] },
    args: {
      email: t.arg.string({ required: true, description: 'The account’s email.' }),
      password: t.arg.string({ required: true, description: 'The account’s password.' }),
    },
    resolve: async (_root, args, context) => {
      const email = args.email.trim().toLowerCase();
      const locked = await lockedUntil(context.db, email);
      if (locked) throw new SignInError(`Too many failed sign-ins: try again after ${locked.toISOString()}.`, locked);
      const [user] = await context.db
        .select()
        .from(users)
        .where(and(eq(users.email, email), eq(users.active, true)));
      if (!(await verifyPassword(user?.passwordHash ?? null, args.password)) || !user) {
        const failure = await recordFailure(context.db, email, context.auth);
        await sleep(failure.delayMs);
        throw new SignInError(
          failure.lockedUntil
            ? `Wrong email or password. Too many failures: sign-in is locked until ${failure.lockedUntil.toISOString()}.`
            : 'Wrong email or password.',
          failure.lockedUntil,
        );
      }
      await clearFailures(context.db, email);
      const token = await startSession(context.db, user.id, context.auth.sessionTtlHours);
      context.setCookie(
        sessionCookie(token, { secure: context.auth.secureCookie, ttlHours: context.auth.sessionTtlHours }),
      );
      // The rest of this request is the new user's: it may read its own account in the answer.
      context.viewer = {
        userId: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        regionCode: user.regionCode,
        via: 'session',
      };
      return user;
    },
  }),
  signOut: t.boolean({
    description: 'Ends the session of the cookie sent: it stops working at once. True when done.',
    resolve: async (_root, _args, context) => {
      await endSession(context.db, context.cookieHeader);
      context.setCookie(sessionCookie(null, { secure: context.auth.secureCookie, ttlHours: 0 }));
      return true;
    },
  }),
  createApiToken: t.field({
    type: NewApiToken,
    authScopes: { roles: ['ANALYST', 'ADMIN'] },
    description: 'Creates an API token that carries your role and scope. Its secret is returned this once.',
    errors: { types: [InvalidInputError] },
    args: {
      name: t.arg.string({ required: true, description: 'What the token is for, such as “monthly report script”.' }),
      expiresAt: t.arg({
        type: 'Date',
        required: false,
        description: 'The last day it works; none: it does not expire.',
      }),
    },
    resolve: async (_root, args, context) => {
      const viewer = signedIn(context);
      const problems = [];
      if (!args.name.trim()) problems.push({ field: 'name', message: 'must not be empty' });
      const today = new Date().toISOString().slice(0, 10);
      if (args.expiresAt && args.expiresAt < today)
        problems.push({ field: 'expiresAt', message: `must be today (${today}) or later` });
      if (problems.length) throw new InvalidInputError(problems);
      return context.db.transaction(async (tx) => {
        const { token, row: apiToken } = await issueApiToken(tx, {
          userId: viewer.userId,
          name: args.name.trim(),
          lastDay: args.expiresAt,
        });
        await recordAudit(tx, viewer, {
          action: 'CREATE',
          entity: 'ApiToken',
          entityId: apiToken.id,
          regionCode: viewer.regionCode,
          after: auditableToken(apiToken),
        });
        return { token, apiToken };
      });
    },
  }),
  revokeApiToken: t.boolean({
    authScopes: { signedIn: true },
    description:
      'Revokes one of your API tokens (admins: anyone’s): it stops working at once. False if there is no such token.',
    args: { id: t.arg.int({ required: true, description: 'The token’s number (`ApiToken.id`).' }) },
    resolve: async (_root, args, context) => {
      const viewer = signedIn(context);
      const owner = viewer.role === 'ADMIN' ? sql`true` : eq(apiTokens.userId, viewer.userId);
      return context.db.transaction(async (tx) => {
        const [revoked] = await tx
          .update(apiTokens)
          .set({ revokedAt: sql`now()` })
          .where(and(eq(apiTokens.id, args.id), isNull(apiTokens.revokedAt), owner))
          .returning();
        if (!revoked) return false;
        await recordAudit(tx, viewer, {
          action: 'UPDATE',
          entity: 'ApiToken',
          entityId: revoked.id,
          regionCode: null,
          before: { ...auditableToken(revoked), revokedAt: null },
          after: auditableToken(revoked),
        });
        return true;
      });
    },
  }),
  createUser: t.field({
    type: User,
    authScopes: { roles: ['ADMIN'] },
    description: 'Creates a user (admins only).',
    errors: { types: [InvalidInputError] },
    args: {
      email: t.arg.string({ required: true, description: 'The address the user signs in with.' }),
      name: t.arg.string({ required: true, description: 'The user’s name.' }),
      role: t.arg({ type: UserRoleEnum, required: true, description: 'What the user may do.' }),
      regionCode: t.arg.string({
        required: false,
        description: 'The region of a REGIONAL user; none for other roles.',
      }),
      password: t.arg.string({ required: true, description: 'At least 12 characters.' }),
    },
    resolve: async (_root, args, context) => {
      const parsed = NewUserSchema.safeParse(args);
      if (!parsed.success) throw new InvalidInputError(problemsOf(parsed.error));
      const taken = await context.db.$count(users, eq(users.email, parsed.data.email));
      if (taken) throw new InvalidInputError([{ field: 'email', message: 'is already used by another user' }]);
      const admin = signedIn(context);
      return context.db.transaction(async (tx) => {
        const id = await createUser(tx, parsed.data);
        const user = await tx.query.users.findFirst({ where: { id } });
        if (!user) throw new Error('The user was not stored.');
        const { passwordHash: _secret, ...auditable } = user;
        await recordAudit(tx, admin, {
          action: 'CREATE',
          entity: 'User',
          entityId: user.id,
          regionCode: user.regionCode,
          after: auditable,
        });
        return user;
      });
    },
  }),
}));

/** What the audit trail keeps of a token: never its hash. */
function auditableToken(token: typeof apiTokens.$inferSelect) {
  const { tokenHash: _secret, ...kept } = token;
  return kept;
}

function problemsOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || 'input', message: issue.message }));
}
