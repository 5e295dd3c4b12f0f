import 'reflect-metadata';
import fs from 'node:fs';
import { printSchemaFile } from '../schema-file';

/** `npm run schema`: writes schema/schema.graphql from the code. */
printSchemaFile().then((sdl) => {
  fs.writeFileSync('schema/schema.graphql', sdl);
  process.stdout.write('schema/schema.graphql written\n');
});
