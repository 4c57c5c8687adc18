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

builder.queryType({ description: 'What can be read from Panorama.' });

export const schema = describeGeneratedTypes(builder.toSchema({ sortSchema: true }));
