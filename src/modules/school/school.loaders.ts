import { EntityManager, In } from 'typeorm';
import { uniqueLoader } from '../../core/loader';
import { Subject, Term } from './school.entity';

export function schoolLoaders(ds: EntityManager, schoolId: string) {
  return {
    subjectById: uniqueLoader<string, Subject>(
      (ids) => ds.getRepository(Subject).findBy({ schoolId, id: In(ids) }),
      (s) => s.id,
    ),
    termById: uniqueLoader<string, Term>((ids) => ds.getRepository(Term).findBy({ schoolId, id: In(ids) }), (t) => t.id),
  };
}
