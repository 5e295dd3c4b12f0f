import { DataSource, In } from 'typeorm';
import { uniqueLoader } from '../../core/loader';
import { Subject } from './school.entity';

export function schoolLoaders(ds: DataSource, schoolId: string) {
  return {
    subjectById: uniqueLoader<string, Subject>(
      (ids) => ds.getRepository(Subject).findBy({ schoolId, id: In(ids) }),
      (s) => s.id,
    ),
  };
}
