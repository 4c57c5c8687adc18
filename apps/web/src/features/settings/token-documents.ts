import { graphql, type ResultOf } from '../../lib/graphql';

/** What the tokens table shows of a token: never its secret, which the API does not keep. */
export const TokenFields = graphql(`
  fragment TokenFields on ApiToken {
    id
    name
    prefix
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

export type TokenRow = ResultOf<typeof TokenFields>;

/** The signed-in user's tokens, newest first, revoked ones included. */
export const TokensPage_Tokens = graphql(
  `
    query TokensPage_Tokens {
      myApiTokens {
        ...TokenFields
      }
    }
  `,
  [TokenFields],
);

/** Creates a token: its secret comes back this once. */
export const TokensPage_CreateToken = graphql(
  `
    mutation TokensPage_CreateToken($name: String!, $expiresAt: Date) {
      createApiToken(name: $name, expiresAt: $expiresAt) {
        __typename
        ... on MutationCreateApiTokenSuccess {
          data {
            token
            apiToken {
              ...TokenFields
            }
          }
        }
        ... on InvalidInputError {
          message
          problems {
            field
            message
          }
        }
      }
    }
  `,
  [TokenFields],
);

/** Revokes a token: it stops working at once. False when there is no such token (or it was revoked). */
export const TokensPage_RevokeToken = graphql(`
  mutation TokensPage_RevokeToken($id: Int!) {
    revokeApiToken(id: $id)
  }
`);

export type TokenStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

/** Whether a token works now: revoked, past its expiry, or active. */
export function tokenStatus(token: Pick<TokenRow, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): TokenStatus {
  if (token.revokedAt) return 'REVOKED';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}
