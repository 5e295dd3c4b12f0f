import { EntityManager, In } from 'typeorm';
import { Batches } from '../../core/loader';
import { BankItem, BankItemObjective, BankItemVersion } from './bank-item.entity';
import { Unit, UnitObjective } from './unit.entity';
import { versionMinutes, VersionMinutes } from './item-minutes';

/** Key of an item version in loaders: "itemId:versionNo". */
export const versionKey = (itemId: string, versionNo: number) => `${itemId}:${versionNo}`;

function splitKeys(keys: string[]): { itemIds: string[]; pairs: Set<string> } {
  return { itemIds: [...new Set(keys.map((k) => k.split(':')[0]))], pairs: new Set(keys) };
}

export function bankLoaders(ds: EntityManager, schoolId: string, batches: Batches) {
  return {
    unitById: batches.unique<string, Unit>((ids) => ds.getRepository(Unit).findBy({ schoolId, id: In(ids) }), (u) => u.id),
    objectivesByUnitId: batches.group<string, UnitObjective>(
      (ids) => ds.getRepository(UnitObjective).find({ where: { schoolId, unitId: In(ids) }, order: { sortOrder: 'ASC' } }),
      (o) => o.unitId,
    ),
    objectiveById: batches.unique<string, UnitObjective>(
      (ids) => ds.getRepository(UnitObjective).findBy({ schoolId, id: In(ids) }),
      (o) => o.id,
    ),
    bankItemById: batches.unique<string, BankItem>(
      (ids) => ds.getRepository(BankItem).findBy({ schoolId, id: In(ids) }),
      (i) => i.id,
    ),
    /** Versions by "itemId:versionNo"; one query per batch. */
    bankItemVersionByKey: batches.unique<string, BankItemVersion>(async (keys) => {
      const { itemIds, pairs } = splitKeys(keys);
      const rows = await ds.getRepository(BankItemVersion).findBy({ schoolId, itemId: In(itemIds) });
      return rows.filter((v) => pairs.has(versionKey(v.itemId, v.versionNo)));
    }, (v) => versionKey(v.itemId, v.versionNo)),
    versionsByItemId: batches.group<string, BankItemVersion>(
      (ids) => ds.getRepository(BankItemVersion).find({ where: { schoolId, itemId: In(ids) }, order: { versionNo: 'DESC' } }),
      (v) => v.itemId,
    ),
    /** Estimated, calibrated and counted minutes by "itemId:versionNo" (item-minutes.ts); one statement per batch. */
    minutesByVersionKey: batches.unique<string, VersionMinutes>(
      async (keys) => [...(await versionMinutes(ds, schoolId, keys.map((k) => {
        const [itemId, versionNo] = k.split(':');
        return { itemId, versionNo: Number(versionNo) };
      }))).values()],
      (m) => versionKey(m.itemId, m.versionNo),
    ),
    objectiveIdsByVersionKey: batches.group<string, BankItemObjective>(async (keys) => {
      const { itemIds, pairs } = splitKeys(keys);
      const rows = await ds.getRepository(BankItemObjective).findBy({ schoolId, itemId: In(itemIds) });
      return rows.filter((o) => pairs.has(versionKey(o.itemId, o.versionNo)));
    }, (o) => versionKey(o.itemId, o.versionNo)),
  };
}
