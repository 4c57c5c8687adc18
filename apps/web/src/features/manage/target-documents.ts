import { graphql, type ResultOf } from '../../lib/graphql';

/** The targets of a region and of its country offices for one year. */
export const ManageTargets_Query = graphql(`
  query ManageTargets($regionCode: String!, $year: Int!) {
    targets(filter: { regionCodes: [$regionCode], year: $year }, first: 500) {
      totalCount
      nodes {
        id
        metricCode
        scopeType
        scopeCode
        year
        quarter
        value
        version
        setBy
        setAt
        country {
          iso3
          name
        }
      }
    }
  }
`);

export type ManagedTarget = ResultOf<typeof ManageTargets_Query>['targets']['nodes'][number];

/** Sets a target's value: creates it, or replaces the version read. */
export const ManageSetTarget_Mutation = graphql(`
  mutation ManageSetTarget($input: SetTargetInput!) {
    setTarget(input: $input) {
      __typename
      ... on MutationSetTargetSuccess {
        data {
          id
          metricCode
          scopeType
          scopeCode
          year
          quarter
          value
          version
          setBy
          setAt
          country {
            iso3
            name
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
      ... on VersionConflictError {
        message
        expectedVersion
        currentVersion
        yourValue
        currentValue
        currentSetBy
      }
    }
  }
`);

/** One target and every value it has had, for its history page. */
export const TargetHistory_Query = graphql(`
  query TargetHistory($id: ID!) {
    node(id: $id) {
      __typename
      ... on Target {
        id
        metricCode
        scopeType
        scopeCode
        year
        quarter
        value
        version
        setBy
        setAt
        region {
          code
          name
        }
        country {
          iso3
          name
          region {
            code
          }
        }
        versions {
          version
          value
          previousValue
          setBy
          setAt
        }
      }
    }
    metricCatalog {
      code
      label
      unit
    }
  }
`);
