/** `npm run schema`: regenerate `schema.graphql` from the type-graphql classes. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT_DIR } from '../config.js';
import { schemaSdl } from '../graphql/schema.js';

const target = path.join(ROOT_DIR, 'schema.graphql');
await writeFile(target, await schemaSdl());
console.log(`wrote ${path.relative(process.cwd(), target) || target}`);
