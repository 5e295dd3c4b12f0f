import type { Viewer } from '../../core/context';
import { Role, STAFF_ROLES } from '../../core/roles';

/**
 * Who may see whom inside one school. Pure functions over the viewer's connections
 * (classes taught, classes led, children) so the rules are testable without a database.
 */

/** What decides whether a user is visible: are they staff, whose class are they in. */
export interface UserVisibilityFacts {
  id: string;
  roles: readonly Role[];
  /** A student's class. */
  classId: string | null;
  /** A parent's children's classes. */
  childClassIds: readonly string[];
}

export function isStaff(roles: Iterable<Role>): boolean {
  for (const role of roles) if (STAFF_ROLES.includes(role)) return true;
  return false;
}

/** Classes whose students this viewer works with as staff. */
export function staffReachesClass(viewer: Viewer, classId: string): boolean {
  return (
    viewer.roles.has(Role.ACADEMIC_OFFICE) || viewer.taughtClassIds.has(classId) || viewer.headClassIds.has(classId)
  );
}

/** A class is visible to its staff, its students and their parents, and the academic office. */
export function canSeeClass(viewer: Viewer, classId: string): boolean {
  return staffReachesClass(viewer, classId) || viewer.classId === classId || viewer.childClassIds.has(classId);
}

/** The roster (students of a class) is for staff who work with that class. */
export function canSeeClassRoster(viewer: Viewer, classId: string): boolean {
  return staffReachesClass(viewer, classId);
}

/**
 * Staff are visible to everyone in the school (students and parents need their teachers'
 * names). A student is visible to themself, their parents and the staff of their class; a
 * parent to themself and the staff of their children's classes. The academic office sees all.
 */
export function canSeeUser(viewer: Viewer, target: UserVisibilityFacts): boolean {
  if (target.id === viewer.userId) return true;
  if (viewer.roles.has(Role.ACADEMIC_OFFICE)) return true;
  if (isStaff(target.roles)) return true;
  if (target.classId && (viewer.childIds.has(target.id) || staffReachesClass(viewer, target.classId))) return true;
  return target.childClassIds.some((classId) => staffReachesClass(viewer, classId));
}
