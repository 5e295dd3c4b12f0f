import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/**
 * A row as a JSON array of its entity's selectable columns, and the entity back from it. A read
 * brings the rows related to its rows (an item's unit, a submission's student) in the same
 * statement, so it costs one round trip; the driver parses the JSON natively, and `entityOfJson`
 * hydrates each value as TypeORM would (timestamps become Dates), so the entities are the ones a
 * repository would return and can fill the request's loaders.
 */
export function jsonOfRow(db: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string): string {
  return `json_build_array(${columnsOf(db.connection.getMetadata(target)).map((c) => `${alias}."${c.databaseName}"`).join(', ')})`;
}

/** The entity of a JSON array made by `jsonOfRow` on the same entity. */
export function entityOfJson<T extends ObjectLiteral>(db: EntityManager, target: EntityTarget<T>, values: unknown[]): T {
  const metadata = db.connection.getMetadata(target);
  const driver = db.connection.driver;
  const entity = metadata.create() as T;
  columnsOf(metadata).forEach((c, n) => c.setEntityValue(entity, driver.prepareHydratedValue(values[n], c)));
  return entity;
}

const selectable = new WeakMap<EntityMetadata, ColumnMetadata[]>();

/** The columns a repository selects (never a password hash), in a fixed order. */
function columnsOf(metadata: EntityMetadata): ColumnMetadata[] {
  let columns = selectable.get(metadata);
  if (!columns) selectable.set(metadata, (columns = metadata.columns.filter((c) => c.isSelect)));
  return columns;
}
