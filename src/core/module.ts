import { EntityManager } from 'typeorm';
import type { RequestContext } from './context';
import type { Batches } from './loader';
import type { MessageDef } from './messages';
import type { Node } from './node';

/** Fetches a node of one type again by its id, through its service's row scoping. */
export type NodeFetcher = (ctx: RequestContext, id: string) => Promise<Node>;

/**
 * What a module brings to the service, declared once in its `index.ts` and composed in
 * `src/modules/registry.ts`: its TypeORM entities, its resolvers, its per-request DataLoaders,
 * how its node types are fetched by global id, and the refusals it defines.
 */
export interface ModuleManifest<L extends object = object> {
  /** The module's folder name, e.g. `assignment`. */
  readonly name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities?: readonly Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly resolvers?: readonly Function[];
  /** The module's loaders for one request, scoped to the caller's school, all made by the request's `batches`. */
  readonly loaders?: (db: EntityManager, schoolId: string, batches: Batches) => L;
  /** Node types by their GraphQL name. */
  readonly nodes?: Readonly<Record<string, NodeFetcher>>;
  /** The module's refusals (`<module>.errors.ts`). */
  readonly errors?: readonly Readonly<Record<string, MessageDef>>[];
  /** Its other messages: those of top-level errors (FORBIDDEN, BAD_USER_INPUT reasons…), keyed by reason. */
  readonly messages?: readonly Readonly<Record<string, MessageDef>>[];
}

/**
 * Declares a module. A module with loaders names their type explicitly,
 * `defineModule<ReturnType<typeof noticeLoaders>>({ … })`: the registry builds the type of
 * `ctx.loaders` from the modules' types, and a type inferred from the whole manifest (whose
 * resolvers and services read `ctx.loaders`) would depend on itself.
 */
export function defineModule<L extends object = object>(manifest: ModuleManifest<L>): ModuleManifest<L> {
  return manifest;
}

/** The loaders of one module manifest type. */
export type LoadersOf<M> = M extends ModuleManifest<infer L> ? L : never;

/** `A | B` → `A & B`. */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
