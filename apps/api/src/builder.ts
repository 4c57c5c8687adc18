import type { Relations } from '@panorama/db';
import { relations } from '@panorama/db';
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Context } from './context';

export interface PanoramaTypes {
  Context: Context;
  DrizzleRelations: Relations;
  Scalars: {
    Date: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}

/** The one schema builder and its plugins. It defines no types: see `schema/`. */
export const builder = new SchemaBuilder<PanoramaTypes>({
  plugins: [RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    nodeQueryOptions: { description: 'Fetches any object by its global ID.' },
    nodesQueryOptions: { description: 'Fetches several objects by their global IDs, in the same order.' },
    nodeTypeOptions: { description: 'An object with a global ID that `node(id:)` can fetch again.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection stands in the whole list.' },
    idFieldOptions: { description: 'The global ID of the object.' },
  },
  drizzle: {
    client: (context) => context.db,
    getTableConfig,
    relations,
    maxConnectionSize: 500,
  },
});
