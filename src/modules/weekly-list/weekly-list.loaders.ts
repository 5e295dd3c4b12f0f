import { EntityManager, In } from 'typeorm';
import { Batches } from '../../core/loader';
import { WeeklyListEntry, WeeklyListEvent, WeeklyListSettings } from './weekly-list.entity';

export function weeklyListLoaders(db: EntityManager, schoolId: string, batches: Batches) {
  return {
    entriesByListId: batches.group<string, WeeklyListEntry>(
      (ids) => db.getRepository(WeeklyListEntry).find({ where: { schoolId, listId: In(ids) }, order: { day: 'ASC', sortOrder: 'ASC' } }),
      (e) => e.listId,
    ),
    weeklyListEventsByListId: batches.group<string, WeeklyListEvent>(
      (ids) => db.getRepository(WeeklyListEvent).find({ where: { schoolId, listId: In(ids) }, order: { at: 'ASC', revision: 'ASC' } }),
      (e) => e.listId,
    ),
    /** The school's deadline setting (keyed by the school id); null: the default. */
    weeklyListSettingsBySchool: batches.unique<string, WeeklyListSettings>(
      (ids) => db.getRepository(WeeklyListSettings).findBy({ schoolId: In(ids) }),
      (s) => s.schoolId,
    ),
  };
}
