import { createContext, useContext } from 'react';
import { graphql } from '../graphql';
import type { ViewerQuery } from '../graphql/graphql';

/** Who is signed in: roles decide the home page and the menu; pages read classes and children from it. */
export const ViewerDocument = graphql(`
  query Viewer {
    me {
      id
      displayName
      username
      roles
      class { id name grade }
      children { relation student { id displayName guardianConsentAt class { id name grade } } }
      teachingAssignments { id class { id name grade } subject { id name code } }
      headTeacherOf { id name grade }
      researchGroups { id grade subject { id } }
    }
    school { name }
  }
`);

export type Viewer = ViewerQuery['me'] & { schoolName: string };

export interface ViewerContextValue {
  viewer: Viewer;
  /** Reload the viewer (after consent changes, for instance). */
  refresh: () => Promise<void>;
}

export const ViewerContext = createContext<ViewerContextValue | null>(null);

export function useViewer(): ViewerContextValue {
  const value = useContext(ViewerContext);
  if (!value) throw new Error('useViewer outside the signed-in shell');
  return value;
}

export type RoleName = Viewer['roles'][number];

export function hasRole(viewer: Viewer, ...roles: RoleName[]): boolean {
  return roles.some((r) => viewer.roles.includes(r));
}

/** The page a role opens on after signing in. */
export function homePath(viewer: Pick<Viewer, 'roles'>): string {
  const is = (role: RoleName) => viewer.roles.includes(role);
  if (is('STUDENT')) return '/student/today';
  if (is('PARENT')) return '/parent/day';
  if (is('TEACHER')) return '/teacher/assignments';
  if (is('HEAD_TEACHER') || is('ACADEMIC_OFFICE')) return '/head-teacher/sheets';
  return '/password';
}
