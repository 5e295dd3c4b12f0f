import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema';

/** The SDL committed at schema/schema.graphql: the served schema, sorted for stable diffs. */
export async function printSchemaFile(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
