import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { loadConfig } from '../../src/config';
import { MAX_PAGE_SIZE } from '../../src/core/pagination';
import { measureOperation } from '../../src/core/query-limits';

/**
 * Every operation the web app sends fits the service's default limits (depth, aliases, cost,
 * document size, tokens), measured on the committed schema with every `first` at the largest page:
 * the app must never meet QUERY_LIMIT_EXCEEDED, and the limits are not raised to let it.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema', 'schema.graphql'), 'utf8'));
const generated = fs.readFileSync(path.join(ROOT, 'web', 'src', 'graphql', 'graphql.ts'), 'utf8');
const texts = [...generated.matchAll(/new TypedDocumentString\(`([\s\S]*?)`/g)].map((m) => m[1]);
const definitions = texts.flatMap((text) => parse(text).definitions);
const fragments = Object.fromEntries(
  definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
);
const operations = [...new Map(definitions
  .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && !!d.name)
  .map((d) => [d.name!.value, d])).values()];
const limits = loadConfig({ NODE_ENV: 'test' }).queryLimits;

it('finds the web app\'s operations', () => {
  expect(operations.map((o) => o.name!.value)).toEqual(expect.arrayContaining(['StudentToday', 'ChildDay', 'ComposeDay', 'MarkingQueuePage', 'ClassSheets']));
});

it.each(operations.map((o) => [o.name!.value, o] as const))('%s fits the default query limits', (_name, op) => {
  const variables = Object.fromEntries((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, MAX_PAGE_SIZE]));
  const figures = measureOperation(schema, op, fragments, variables);
  expect(figures.depth).toBeLessThanOrEqual(limits.maxDepth);
  expect(figures.aliases).toBeLessThanOrEqual(limits.maxAliases);
  expect(figures.cost).toBeLessThanOrEqual(limits.maxCost);
  const text = texts.find((t) => t.includes(`${op.operation} ${op.name!.value}`))!;
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limits.maxDocumentBytes);
  expect(() => parse(text, { maxTokens: limits.maxTokens })).not.toThrow();
});
