import { EntityManager } from 'typeorm';
import { assignmentLoaders } from './assignment/assignment.loaders';
import { bankLoaders } from './bank/bank.loaders';
import { classLoaders } from './class/class.loaders';
import { researchGroupLoaders } from './research-group/research-group.loaders';
import { schoolLoaders } from './school/school.loaders';
import { submissionLoaders } from './submission/submission.loaders';
import { userLoaders } from './user/user.loaders';
import { weeklyListLoaders } from './weekly-list/weekly-list.loaders';

/** Every per-request DataLoader, each scoped to the caller's school. Built in the request context. */
export function createLoaders(ds: EntityManager, schoolId: string) {
  return {
    ...schoolLoaders(ds, schoolId),
    ...classLoaders(ds, schoolId),
    ...userLoaders(ds, schoolId),
    ...researchGroupLoaders(ds, schoolId),
    ...bankLoaders(ds, schoolId),
    ...assignmentLoaders(ds, schoolId),
    ...submissionLoaders(ds, schoolId),
    ...weeklyListLoaders(ds, schoolId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
