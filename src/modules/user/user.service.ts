import { EntityManager } from 'typeorm';
import { RequestContext, Viewer } from '../../core/context';
import { ForbiddenError, NotFoundError } from '../../core/errors';
import { decodeCursor, Page, pageOf } from '../../core/pagination';
import type { OpeningRead } from '../../core/request-scope';
import { Role } from '../../core/roles';
import { ParentRelation, User } from './user.entity';
import { effectiveRolesSql, HAS_ROLE_SQL } from './user.loaders';
import { canSeeUser, UserVisibilityFacts } from './user.policy';
import { UserMessages } from './user.errors';

/** A row of the viewer statement (`UserService.viewerStatement`). */
export interface ViewerRow {
  id: string;
  school_id: string;
  display_name: string;
  token_version: number;
  must_change_password: boolean;
  class_id: string | null;
  roles: Role[];
  taught_class_ids: string[];
  head_class_ids: string[];
  child_ids: string[];
  child_class_ids: string[];
  group_ids: string[];
  led_group_ids: string[];
}

export interface LoadedViewer {
  viewer: Viewer;
  /** The user's token version: a token of another version is revoked. */
  tokenVersion: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The viewer statement (see `loadViewer`); `school` and `userIds` are SQL expressions (a uuid, a uuid[] of one). */
const viewerSql = (school: string, userIds: string) =>
  `SELECT u.id, u.school_id, u.display_name, u.token_version, u.must_change_password, u.class_id,
     ARRAY(SELECT r.role FROM (${effectiveRolesSql(school, userIds)}) r)::text[] AS roles,
     ARRAY(SELECT DISTINCT t.class_id FROM teaching_assignments t
             JOIN classes c ON c.school_id = t.school_id AND c.id = t.class_id AND c.archived_at IS NULL
            WHERE t.school_id = u.school_id AND t.teacher_id = u.id)::text[] AS taught_class_ids,
     ARRAY(SELECT c.id FROM classes c WHERE c.school_id = u.school_id AND c.head_teacher_id = u.id AND c.archived_at IS NULL)::text[] AS head_class_ids,
     ARRAY(SELECT l.student_id FROM parent_links l WHERE l.school_id = u.school_id AND l.parent_id = u.id)::text[] AS child_ids,
     ARRAY(SELECT DISTINCT s.class_id FROM parent_links l
             JOIN users s ON s.school_id = l.school_id AND s.id = l.student_id
            WHERE l.school_id = u.school_id AND l.parent_id = u.id AND s.class_id IS NOT NULL)::text[] AS child_class_ids,
     ARRAY(SELECT m.group_id FROM research_group_members m
            WHERE m.school_id = u.school_id AND m.user_id = u.id)::text[] AS group_ids,
     ARRAY(SELECT g.id FROM research_groups g WHERE g.school_id = u.school_id AND g.lead_id = u.id)::text[] AS led_group_ids
   FROM users u WHERE u.school_id = ${school} AND u.id = ANY(${userIds})`;

/** The viewer statement with its school ($1) and users ($2) as parameters, prepared by the request scope. */
const VIEWER_SQL = viewerSql('$1', '$2');

export interface UserListFilter {
  role?: Role | null;
  classId?: string | null;
}

export class UserService {
  /**
   * Loads a user with everything row scoping needs (roles, classes taught and led, children,
   * research groups) in one statement. Classes taught and led are current ones: a class archived
   * at a school-year rollover is history, read through the academic office, the students and their parents. Null when the user does not exist in that school.
   * It takes a bare manager: the upload endpoint and the CLI call it to build a context. A request
   * over HTTP sends `viewerStatement` with the start of its transaction instead (auth.service.ts).
   */
  async loadViewer(ds: EntityManager, schoolId: string, userId: string): Promise<LoadedViewer | null> {
    return this.viewerOfRows(await ds.query(viewerSql('$1', '$2::uuid[]'), [schoolId, [userId]]), userId);
  }

  /**
   * The statement of `loadViewer` for the request scope, which sends it with the start of the
   * transaction, prepared once per connection, its school and user written in as literals (a
   * message of several statements takes no parameters). Throws on ids that are not UUIDs.
   */
  viewerStatement(schoolId: string, userId: string): OpeningRead {
    if (!UUID.test(schoolId) || !UUID.test(userId)) throw new Error(`not a school and user id: ${schoolId}, ${userId}`);
    return { text: VIEWER_SQL, parameterTypes: 'uuid, uuid[]', args: `'${schoolId}'::uuid, ARRAY['${userId}']::uuid[]` };
  }

  /** The viewer in the rows of the viewer statement; null when the user does not exist in that school. */
  viewerOfRows(rows: ViewerRow[], userId: string): LoadedViewer | null {
    const row = rows[0];
    if (!row || row.id !== userId) return null;
    return {
      tokenVersion: row.token_version,
      viewer: {
        userId: row.id,
        schoolId: row.school_id,
        displayName: row.display_name,
        roles: new Set(row.roles),
        classId: row.class_id,
        taughtClassIds: new Set(row.taught_class_ids),
        headClassIds: new Set(row.head_class_ids),
        childIds: new Set(row.child_ids),
        childClassIds: new Set(row.child_class_ids),
        groupIds: new Set(row.group_ids),
        ledGroupIds: new Set(row.led_group_ids),
        mustChangePassword: row.must_change_password,
      },
    };
  }

  /** The signed-in user. */
  async me(ctx: RequestContext): Promise<User> {
    const user = await ctx.loaders.userById.load(ctx.viewer.userId);
    if (!user) throw new NotFoundError('User', ctx.viewer.userId);
    return user;
  }

  /** A user the caller may see; NOT_FOUND otherwise (hidden and missing look the same). */
  async get(ctx: RequestContext, id: string): Promise<User> {
    const user = await ctx.loaders.userById.load(id);
    if (!user || !(await this.canSee(ctx, user))) throw new NotFoundError('User', id);
    return user;
  }

  /** The users among `users` that the caller may see, in the same order. */
  async visible(ctx: RequestContext, users: User[]): Promise<User[]> {
    const allowed = await Promise.all(users.map((u) => this.canSee(ctx, u)));
    return users.filter((_, i) => allowed[i]);
  }

  async roles(ctx: RequestContext, userId: string): Promise<Role[]> {
    const rows = await ctx.loaders.rolesByUserId.load(userId);
    return rows.map((r) => r.role).sort();
  }

  /** A parent's children that the caller may see, with the relation. */
  async children(ctx: RequestContext, parentId: string): Promise<{ student: User; relation: ParentRelation }[]> {
    const links = await ctx.loaders.childLinksByParentId.load(parentId);
    const students = await ctx.loaders.userById.loadMany(links.map((l) => l.studentId));
    const pairs = links.flatMap((link, i) => {
      const student = students[i];
      return student && !(student instanceof Error) ? [{ student, relation: link.relation }] : [];
    });
    const shown = new Set(await this.visible(ctx, pairs.map((p) => p.student)));
    return pairs.filter((p) => shown.has(p.student));
  }

  /**
   * Every user of the school, a page at a time, ordered by username. For the academic office.
   */
  async list(ctx: RequestContext, filter: UserListFilter, first: number, after?: string | null): Promise<Page<User>> {
    if (!ctx.hasRole(Role.ACADEMIC_OFFICE)) throw new ForbiddenError(UserMessages.USERS_OFFICE_ONLY);
    const qb = ctx.db
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.school_id = :schoolId', { schoolId: ctx.schoolId })
      .orderBy('u.username', 'ASC')
      .limit(first + 1);
    if (after) qb.andWhere('u.username > :after', { after: String(decodeCursor(after, 1)[0]) });
    if (filter.classId) qb.andWhere('u.class_id = :classId', { classId: filter.classId });
    if (filter.role) qb.andWhere(HAS_ROLE_SQL, { role: filter.role });
    const rows = await qb.getMany();
    return pageOf(rows, first, (u) => [u.username], (u) => u);
  }

  private async canSee(ctx: RequestContext, user: User): Promise<boolean> {
    const viewer = ctx.viewer;
    if (user.id === viewer.userId || viewer.roles.has(Role.ACADEMIC_OFFICE)) return true;
    const [roles, childClasses] = await Promise.all([
      ctx.loaders.rolesByUserId.load(user.id),
      ctx.loaders.childClassIdsByParentId.load(user.id),
    ]);
    const facts: UserVisibilityFacts = {
      id: user.id,
      roles: roles.map((r) => r.role),
      classId: user.classId,
      childClassIds: childClasses.map((c) => c.class_id),
    };
    return canSeeUser(viewer, facts);
  }
}

export const userService = new UserService();
