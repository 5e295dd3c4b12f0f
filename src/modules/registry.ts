import { EntityManager } from 'typeorm';
import type { Batches } from '../core/loader';
import type { NodeFetcher } from '../core/module';
import { LoadersOf, UnionToIntersection } from '../core/module';
import { registerUserErrors } from '../core/user-error';
import accountSlip from './account-slip';
import assignment from './assignment';
import attachment from './attachment';
import auth from './auth';
import bank from './bank';
import calibration from './calibration';
import chart from './chart';
import classes from './class';
import excel from './excel';
import load from './load';
import node from './node';
import parentBinding from './parent-binding';
import privacy from './privacy';
import recordSheet from './record-sheet';
import researchGroup from './research-group';
import roster from './roster';
import school from './school';
import schoolAdmin from './school-admin';
import schoolYear from './school-year';
import submission from './submission';
import user from './user';
import weeklyList from './weekly-list';
import { CORE_MESSAGE_CATALOGUES } from '../core/request-errors';

/**
 * Every module of the service, each declared by its own `index.ts`. Adding a module is one
 * line here; nothing else lists its entities, resolvers, loaders, node types or refusals.
 */
export const MODULES = [
  auth, node, school, classes, user, researchGroup, bank, weeklyList, load, assignment, submission,
  recordSheet, calibration, privacy, excel, chart, schoolAdmin, accountSlip, parentBinding, roster, schoolYear,
  attachment,
] as const;

for (const m of MODULES) if (m.errors) registerUserErrors(...m.errors);

/** Every message catalogue: the refusals, the modules' and core's top-level errors (for the catalogue tests). */
export const MESSAGE_CATALOGUES = [
  ...CORE_MESSAGE_CATALOGUES, ...MODULES.flatMap((m) => [...(m.errors ?? []), ...(m.messages ?? [])]),
];

/** Every TypeORM entity; the schema itself is owned by migrations/. */
export const ENTITIES = MODULES.flatMap((m) => m.entities ?? []);

/** Every resolver class, in the order the schema lists their fields. */
export const RESOLVERS = MODULES.flatMap((m) => m.resolvers ?? []);

/** How each node type is fetched again by id, by GraphQL type name. */
export const NODE_FETCHERS: Readonly<Record<string, NodeFetcher>> = Object.assign({}, ...MODULES.map((m) => m.nodes ?? {}));

/** The loaders of every module together. */
export type RegisteredLoaders = UnionToIntersection<LoadersOf<(typeof MODULES)[number]>>;

/**
 * A guard: should the loaders' type ever be inferred from a manifest that depends on it, it
 * collapses and this line fails to compile here, not in every service.
 */
const loadersAreTyped: RegisteredLoaders extends { userById: unknown } ? true : never = true;
void loadersAreTyped;

declare module '../core/context' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Loaders extends RegisteredLoaders {}
}

/** Every per-request DataLoader, each scoped to the caller's school. Built in the request context. */
export function createLoaders(db: EntityManager, schoolId: string, batches: Batches): RegisteredLoaders {
  return Object.assign({}, ...MODULES.map((m) => m.loaders?.(db, schoolId, batches) ?? {})) as RegisteredLoaders;
}
