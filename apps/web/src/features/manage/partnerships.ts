import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../lib/graphql';

/** The partnerships a region holds, by name: what a story tells about, what answers a field need. */
export const ManagePartnerships_Query = graphql(`
  query ManagePartnerships($regionCode: String!) {
    region(code: $regionCode) {
      id
      partnerships(first: 500) {
        nodes {
          id
          name
          status
        }
      }
    }
  }
`);

export type RegionPartnership = NonNullable<
  ResultOf<typeof ManagePartnerships_Query>['region']
>['partnerships']['nodes'][number];

const NONE: readonly RegionPartnership[] = [];

/** The region's partnerships for the forms' selects; not asked for when nobody may write (`pause`). */
export function useRegionPartnerships(regionCode: string, pause: boolean) {
  const [result] = useQuery({ query: ManagePartnerships_Query, variables: { regionCode }, pause });
  return {
    partnerships: result.data?.region?.partnerships.nodes ?? NONE,
    fetching: result.fetching,
    error: result.error,
  };
}
