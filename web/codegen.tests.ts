import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { preset as clientPreset } from '@graphql-codegen/client-preset';

/**
 * Typed operations for the tests, generated from the committed schema by the same codegen as
 * the web app: a test writes `graphql(\`query … \`)` and `TestApp.op` answers with that
 * operation's result type, so a schema change that breaks a test fails the typecheck.
 * Output in test/graphql/ is generated — never edit it by hand; run `npm run codegen:test` in the root.
 */
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const config: CodegenConfig = {
  schema: path.join(root, 'schema/schema.graphql'),
  documents: [path.join(root, 'test/**/*.ts'), `!${path.join(root, 'test/graphql/**')}`],
  ignoreNoDocuments: true,
  generates: {
    [path.join(root, 'test/graphql/')]: {
      // The preset itself, not its name: codegen runs from the root, where only web/ has it installed.
      preset: clientPreset,
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: { DateTimeISO: 'string', LocalDate: 'string', Time: 'string' },
      },
    },
  },
};

export default config;
