import { builder } from '../builder';
import { describeRelayFields } from './relay-descriptions';
import './scalars';
import './enums';
import './region';
import './country';
import './partner';

builder.queryType({ description: 'What can be read from Panorama.' });

export const schema = describeRelayFields(builder.toSchema({ sortSchema: true }));
