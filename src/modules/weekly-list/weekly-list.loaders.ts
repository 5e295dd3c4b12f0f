import { EntityManager, In } from 'typeorm';
import { Batches } from '../../core/loader';
import { WeeklyListEntry } from './weekly-list.entity';

export function weeklyListLoaders(ds: EntityManager, schoolId: string, batches: Batches) {
  return {
    entriesByListId: batches.group<string, WeeklyListEntry>(
      (ids) => ds.getRepository(WeeklyListEntry).find({ where: { schoolId, listId: In(ids) }, order: { day: 'ASC', sortOrder: 'ASC' } }),
      (e) => e.listId,
    ),
  };
}
