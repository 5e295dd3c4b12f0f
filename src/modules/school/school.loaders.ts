import { EntityManager, In } from 'typeorm';
import { Batches } from '../../core/loader';
import { Subject, Term } from './school.entity';

export function schoolLoaders(ds: EntityManager, schoolId: string, batches: Batches) {
  return {
    subjectById: batches.unique<string, Subject>(
      (ids) => ds.getRepository(Subject).findBy({ schoolId, id: In(ids) }),
      (s) => s.id,
    ),
    termById: batches.unique<string, Term>((ids) => ds.getRepository(Term).findBy({ schoolId, id: In(ids) }), (t) => t.id),
  };
}
