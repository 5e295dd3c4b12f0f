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
  const entity = metadata.create() as T;
  const setters = settersOf(metadata, db.connection.driver);
  for (let n = 0; n < setters.length; n++) setters[n](entity, values[n]);
  return entity;
}

type Setter = (entity: ObjectLiteral, value: unknown) => void;

const selectable = new WeakMap<EntityMetadata, ColumnMetadata[]>();
const setters = new WeakMap<EntityMetadata, Setter[]>();

/** The columns a repository selects (never a password hash), in a fixed order. */
function columnsOf(metadata: EntityMetadata): ColumnMetadata[] {
  let columns = selectable.get(metadata);
  if (!columns) selectable.set(metadata, (columns = metadata.columns.filter((c) => c.isSelect)));
  return columns;
}

/** Timestamp types, which TypeORM hydrates from a string as `new Date(string)`. */
const TIMESTAMPS = new Set<unknown>(['timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp without time zone', 'datetime', Date]);
/** Types whose JSON value TypeORM's hydration leaves as it is (a string, number, boolean, array or object). */
const AS_IS = new Set<unknown>(['uuid', 'text', 'varchar', 'character varying', 'char', 'character', 'citext', 'int', 'integer', 'int4', 'smallint', 'int2',
  'real', 'float4', 'double precision', 'float8', 'boolean', 'bool', Boolean, String, 'json', 'jsonb', 'date', 'enum', 'simple-enum']);

/**
 * How each column's JSON value becomes the entity's property, worked out once per entity: what
 * `driver.prepareHydratedValue` and `setEntityValue` would do, without asking them for every
 * value of every row. A column this does not know (a transformer, an embedded or virtual
 * column, another type) goes through TypeORM itself.
 */
function settersOf(metadata: EntityMetadata, driver: EntityManager['connection']['driver']): Setter[] {
  let list = setters.get(metadata);
  if (list) return list;
  list = columnsOf(metadata).map((c): Setter => {
    const plain = !c.transformer && !c.embeddedMetadata && !c.isVirtual && !(c.type === 'enum' && c.isArray);
    const property = c.propertyName;
    if (plain && TIMESTAMPS.has(c.type)) return (entity, value) => { entity[property] = value && typeof value === 'string' ? new Date(value) : value; };
    // TypeORM turns a Boolean column's value into true or false, even an array's: through TypeORM.
    if (plain && AS_IS.has(c.type) && !(c.type === Boolean && c.isArray)) {
      return (entity, value) => { entity[property] = value; };
    }
    return (entity, value) => c.setEntityValue(entity, driver.prepareHydratedValue(value, c));
  });
  setters.set(metadata, list);
  return list;
}
