/**
 * GraphQL Code Generator configuration of the explorer (`npm run codegen`): the client preset
 * reads every `graphql(...)` document in src/web/app against the committed schema.graphql and
 * writes typed documents (as strings: no GraphQL parser in the bundle) to src/web/gql/.
 * Paths are relative to the repository root, where npm runs the command.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

export const GENERATED_DIR = 'src/web/gql/';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/web/app/**/*.ts', 'src/web/app/**/*.tsx'],
  ignoreNoDocuments: false,
  generates: {
    [GENERATED_DIR]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
