import { EntityManager } from 'typeorm';
import type { NodeFetcher } from '../core/module';
import { LoadersOf, UnionToIntersection } from '../core/module';
import { registerUserErrors } from '../core/user-error';
import assignment from './assignment';
import auth from './auth';
import bank from './bank';
import chart from './chart';
import classes from './class';
import excel from './excel';
import load from './load';
import node from './node';
import privacy from './privacy';
import recordSheet from './record-sheet';
import researchGroup from './research-group';
import school from './school';
import schoolAdmin from './school-admin';
import submission from './submission';
import user from './user';
import weeklyList from './weekly-list';

/**
 * Every module of the service, each declared by its own `index.ts`. Adding a module is one
 * line here; nothing else lists its entities, resolvers, loaders, node types or refusals.
 */
export const MODULES = [
  auth, node, school, classes, user, researchGroup, bank, weeklyList, load, assignment, submission,
  recordSheet, privacy, excel, chart, schoolAdmin,
] as const;

for (const m of MODULES) if (m.errors) registerUserErrors(...m.errors);

/** Every TypeORM entity; the schema itself is owned by migrations/. */
export const ENTITIES = MODULES.flatMap((m) => m.entities ?? []);

/** Every resolver class, in the order the schema lists their fields. */
export const RESOLVERS = MODULES.flatMap((m) => m.resolvers ?? []);

/** How each node type is fetched again by id, by GraphQL type name. */
export const NODE_FETCHERS: Readonly<Record<string, NodeFetcher>> = Object.assign({}, ...MODULES.map((m) => m.nodes ?? {}));

/** The loaders of every module together. */
export type RegisteredLoaders = UnionToIntersection<LoadersOf<(typeof MODULES)[number]>>;

declare module '../core/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends RegisteredLoaders {}
}

/** Every per-request DataLoader, each scoped to the caller's school. Built in the request context. */
export function createLoaders(db: EntityManager, schoolId: string): RegisteredLoaders {
  return Object.assign({}, ...MODULES.map((m) => m.loaders?.(db, schoolId) ?? {})) as RegisteredLoaders;
}
