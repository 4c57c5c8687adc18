import { writeFileSync } from 'node:fs';
import { printedSchema, SCHEMA_FILE } from '../schema/printed';

writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`Wrote ${SCHEMA_FILE}`);
