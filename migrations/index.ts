import { Foundation1763856000000 } from './1763856000000-Foundation';

/** Every migration, oldest first. Listed explicitly so compiled and ts-jest runs load the same set. */
export const MIGRATIONS = [Foundation1763856000000];
