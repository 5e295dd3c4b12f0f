import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for every operation and fragment of the app, generated from the service's committed
 * schema: a schema change that breaks a page fails `npm run typecheck`, not the user.
 * Output in src/graphql/ is generated — never edit it by hand; run `npm run codegen`.
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        // Documents as strings: the app's fetch client sends them as they are (no graphql-js at run time).
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
