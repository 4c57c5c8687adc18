import { graphql, type ResultOf } from '../../lib/graphql';

/** What the users table shows of a user. */
export const UserFields = graphql(`
  fragment UserFields on User {
    id
    email
    name
    role
    active
    region {
      id
      code
      name
    }
  }
`);

export type UserRow = ResultOf<typeof UserFields>;

/** Every user, by email (ADMIN). */
export const UsersPage_Users = graphql(
  `
    query UsersPage_Users {
      users {
        ...UserFields
      }
    }
  `,
  [UserFields],
);

/** The bureaux a REGIONAL user may belong to. */
export const UsersPage_Regions = graphql(`
  query UsersPage_Regions {
    regions {
      id
      code
      name
    }
  }
`);

/** Creates a user; the API checks the email, the password and the role's region. */
export const UsersPage_CreateUser = graphql(
  `
    mutation UsersPage_CreateUser(
      $email: String!
      $name: String!
      $role: UserRole!
      $regionCode: String
      $password: String!
    ) {
      createUser(email: $email, name: $name, role: $role, regionCode: $regionCode, password: $password) {
        __typename
        ... on MutationCreateUserSuccess {
          data {
            ...UserFields
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
  [UserFields],
);

/** The roles, from the most to the least powerful: the order of the role select. */
export const USER_ROLES = ['ADMIN', 'ANALYST', 'LEADERSHIP', 'REGIONAL'] as const satisfies readonly UserRow['role'][];
