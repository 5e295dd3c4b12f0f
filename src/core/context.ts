import { EntityManager } from 'typeorm';
import type { AppConfig } from '../config';
import { UnauthenticatedError } from './errors';
import { Batches } from './loader';
import { Clock, systemClock } from './clock';
import { DEFAULT_LOCALE, Locale } from './messages';
import { Logger } from './logger';
import { Role } from './roles';
import { RequestErrors } from './request-errors';

/**
 * The signed-in user and what they are connected to, loaded once per request. Row scoping
 * in services reads it (which classes a teacher teaches, which children a parent has).
 */
export interface Viewer {
  userId: string;
  schoolId: string;
  displayName: string;
  roles: ReadonlySet<Role>;
  /** A student's own class. */
  classId: string | null;
  taughtClassIds: ReadonlySet<string>;
  headClassIds: ReadonlySet<string>;
  childIds: ReadonlySet<string>;
  childClassIds: ReadonlySet<string>;
  groupIds: ReadonlySet<string>;
  ledGroupIds: ReadonlySet<string>;
  /** Signed in with a password the school issued (a slip or a reset): only `me`, `passwordChange` and `logout` until it is changed. */
  mustChangePassword?: boolean;
}

/** A read of a student's personal record by staff, written to the access log after the request. */
export interface AccessRecord {
  studentId: string;
  /** What was read; `resourceId` names it: a submission id, a record sheet's day, an assignment id, a file id, or `all`. */
  resource: 'submission' | 'record_sheet' | 'tier_choice' | 'assignment_overview' | 'student_export' | 'attachment';
  resourceId: string;
}

/**
 * The per-request DataLoaders of every module. Core declares it empty; the module registry
 * (src/modules/registry.ts) adds each module's loaders to it by declaration merging.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

/** Builds a request's loaders; every loader is made by `batches`, so they share one scheduler. */
export type LoadersFactory = (db: EntityManager, schoolId: string, batches: Batches) => Loaders;

/** Runs `work` in a short transaction of its own, as the service role in `schoolId` (null: none), committed at once. */
export type ShortTransaction = <T>(schoolId: string | null, work: (db: EntityManager) => Promise<T>) => Promise<T>;

/** How a request gives its connection back while it waits on slow work (request-scope.ts). */
export interface ConnectionControl {
  /** Commits the request's work so far and gives its connection back to the pool. */
  release(): Promise<void>;
  /** Goes on in a new transaction on a pooled connection, in the same school; its manager. */
  resume(): Promise<EntityManager>;
  short: ShortTransaction;
}

/**
 * Per-request context: the caller, the database, per-request DataLoaders and a logger.
 *
 * `db` is the request's own transaction (see request-scope.ts): every statement of the
 * request goes through it, acting as the service role with the caller's school set, so the
 * row-level security policies apply. Never reach for the DataSource inside a request: on the
 * embedded database the pool has one connection, which this request holds.
 */
export class RequestContext {
  /** On a context inside a transaction (`inTransaction`): the context it was made from. */
  private readonly txBase?: RequestContext;

  /**
   * The request's own context. A context inside one of its transactions is made from it and
   * shares its state: who is signed in, loaders, the access records, work after commit; only
   * `db` differs. State is therefore always written on the root. (Apollo hands resolvers a
   * shallow copy of the context it was given: the copy is its own root.)
   */
  private get root(): RequestContext {
    return this.txBase ?? this;
  }
  private loadersCache?: Loaders;
  /** Staff reads of students' records in this request; flushed to access_log at its end. */
  readonly accessRecords: AccessRecord[] = [];
  /** The service's clock (the app's; tests set it): what "now" is for the time-of-day rules. */
  clock: Clock = systemClock;
  /** The language the request's messages are answered in (its `Accept-Language`; Chinese by default). */
  locale: Locale = DEFAULT_LOCALE;
  /** Work that must wait until the request's writes are committed (removing stored files' bytes); run by `committed()`. */
  private readonly afterCommitWork: (() => Promise<void>)[] = [];
  /** In a transaction's context: its work for after the commit, until the transaction commits. */
  private readonly deferredInTransaction?: (() => Promise<void>)[];

  private currentDb: EntityManager;

  constructor(
    readonly requestId: string,
    db: EntityManager,
    readonly config: AppConfig,
    readonly logger: Logger,
    private currentViewer: Viewer | null,
    private readonly loadersFactory: LoadersFactory,
    /** The client's address, for sign-in throttling. */
    readonly clientAddress = 'unknown',
    /** Moves the request's transaction to a school (set by the request scope). */
    private readonly setSchool: (schoolId: string) => Promise<void> = async () => undefined,
    /** Lets the request give its connection back while it waits (set by the request scope). */
    private readonly connection?: ConnectionControl,
  ) {
    this.currentDb = db;
  }

  /** The request's transaction; a new one after `withoutConnection`. */
  get db(): EntityManager {
    return this.currentDb;
  }

  /**
   * Runs `work` holding no database connection, for slow work that needs none (a password
   * check): the request's work so far is committed and its connection given back, so a flood
   * of such requests cannot take the pool (on the embedded database, its one connection).
   * `work` reads and writes through `short` transactions of its own; afterwards the request
   * goes on in a new transaction.
   */
  async withoutConnection<T>(work: (short: ShortTransaction) => Promise<T>): Promise<T> {
    if (!this.connection) throw new Error('withoutConnection needs a request scope');
    if (this.root !== this) throw new Error('withoutConnection cannot run inside a transaction');
    await this.connection.release();
    try {
      return await work(this.connection.short);
    } finally {
      this.currentDb = await this.connection.resume();
      this.loadersCache = undefined;
    }
  }

  /**
   * This context with its database work in `tx`, a transaction of this request (see
   * core/transaction.ts, which makes them): `db` is `tx`; everything else is shared.
   */
  inTransaction(tx: EntityManager): TxContext {
    const scoped = Object.create(this.root) as RequestContext;
    Object.defineProperty(scoped, 'txBase', { value: this.root, writable: false });
    Object.defineProperty(scoped, 'currentDb', { value: tx, writable: false });
    Object.defineProperty(scoped, 'transaction', { value: tx, writable: false });
    Object.defineProperty(scoped, 'deferredInTransaction', { value: [], writable: false });
    return scoped as TxContext;
  }

  /** Runs `work` once the request's writes are committed; never when they are rolled back. */
  afterCommit(work: () => Promise<void>): void {
    (this.deferredInTransaction ?? this.root.afterCommitWork).push(work);
  }

  /**
   * Work a transaction's context left for after the commit, handed to the context the
   * transaction ran in once the transaction has committed (core/transaction.ts). A transaction
   * that rolls back drops it: its writes never happened.
   */
  handOverAfterCommit(to: RequestContext): void {
    for (const work of this.deferredInTransaction?.splice(0) ?? []) to.afterCommit(work);
  }

  /** Called by whoever commits the request: runs the work left for after the commit; a failure is logged, not thrown. */
  async committed(): Promise<void> {
    for (const work of this.root.afterCommitWork.splice(0)) {
      try {
        await work();
      } catch (e) {
        this.logger.warn('work after commit failed', { error: e });
      }
    }
  }

  /** The signed-in user, or null for an anonymous request. */
  get viewerOrNull(): Viewer | null {
    return this.currentViewer;
  }

  /**
   * Makes the rest of this request act as the user who just signed in, so a `login`
   * payload can be read with that user's rights.
   */
  signIn(viewer: Viewer): void {
    this.root.currentViewer = viewer;
    this.root.loadersCache = undefined;
  }

  /**
   * Sets the school of the request's transaction before anyone is signed in (sign-in looks
   * up its user within the school it names).
   */
  async moveToSchool(schoolId: string): Promise<void> {
    await this.setSchool(schoolId);
  }

  /** The signed-in user; UNAUTHENTICATED when there is none. */
  get viewer(): Viewer {
    if (!this.viewerOrNull) throw new UnauthenticatedError(RequestErrors.SIGN_IN_FIRST);
    return this.viewerOrNull;
  }

  /** The caller's school. Never taken from client input. */
  get schoolId(): string {
    return this.viewer.schoolId;
  }

  /** DataLoaders scoped to the caller's school, created on first use in this request. */
  get loaders(): Loaders {
    const root = this.root;
    root.loadersCache ??= root.loadersFactory(root.db, root.schoolId, new Batches());
    return root.loadersCache;
  }

  /** Forget cached rows after a write so later reads in this request see it. */
  clearLoaders(): void {
    this.root.loadersCache = undefined;
  }

  hasRole(...roles: Role[]): boolean {
    const held = this.viewerOrNull?.roles;
    return !!held && roles.some((r) => held.has(r));
  }
}

/**
 * A request's context inside one of its transactions (`withTransaction` in core/transaction.ts
 * makes it): `db` is the transaction, so whatever takes a `TxContext` reads and writes inside
 * it and commits or rolls back with it. Services pass it on instead of a separate manager.
 */
export interface TxContext extends RequestContext {
  /** The transaction `db` is; present only on a context made by `inTransaction`. */
  readonly transaction: EntityManager;
}
