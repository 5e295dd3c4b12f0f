import { EntityManager, In } from 'typeorm';
import { groupLoader } from '../../core/loader';
import { WeeklyListEntry } from './weekly-list.entity';

export function weeklyListLoaders(ds: EntityManager, schoolId: string) {
  return {
    entriesByListId: groupLoader<string, WeeklyListEntry>(
      (ids) => ds.getRepository(WeeklyListEntry).find({ where: { schoolId, listId: In(ids) }, order: { day: 'ASC', sortOrder: 'ASC' } }),
      (e) => e.listId,
    ),
  };
}
