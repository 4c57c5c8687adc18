import { builder } from '../builder';
import { describeGeneratedTypes } from './generated-descriptions';
import './scalars';
import './enums';
import './region';
import './country';
import './partner';
import './metric-catalog';
import './metric-value';
import './metrics';
import './overview';
import './panorama';
import './objective';
import './partnership';
import './contribution';
import './impact-record';
import './target';
import './opportunity';
import './field-need';
import './story';
import './errors';
import './account';
import './strategy-period';
import './target-mutations';
import './story-mutations';
import './opportunity-mutations';
import './field-need-mutations';
import './audit-log';

// Every root field needs a signed-in user (`node` and `nodes` included) unless it opts out with
// `skipTypeScopes`, as `me` does: what a sign-in page needs.
builder.queryType({
  description:
    'What can be read from Panorama. Every field but `me` needs a signed-in user (session cookie or API token).',
  authScopes: { signedIn: true },
});

export const schema = describeGeneratedTypes(builder.toSchema({ sortSchema: true }));
