import { EntityManager } from 'typeorm';
import { countedMinutes } from '../calibration/calibration.policy';
import { versionKey } from './bank.loaders';

/** The minutes of one item version: the teacher's estimate, the calibrated figure, and the one that counts. */
export interface VersionMinutes {
  itemId: string;
  versionNo: number;
  /** The teacher's estimate, made after doing the item. */
  estimatedMinutes: number;
  /** From students' actual minutes once there are enough observations (item_calibrations), else null. */
  calibratedMinutes: number | null;
  /** What a new or edited assignment counts (calibration's `countedMinutes`: the calibrated figure wins over the estimate). */
  countedMinutes: number;
}

/**
 * The estimated, calibrated and counted minutes of item versions: assignments pin the counted
 * figure, and the bank shows the same figure before an item is added. One statement for any
 * number of versions. It takes a bare manager: the bank's DataLoader calls it too.
 */
export async function versionMinutes(db: EntityManager, schoolId: string, versions: { itemId: string; versionNo: number }[]): Promise<Map<string, VersionMinutes>> {
  if (versions.length === 0) return new Map();
  const rows: { item_id: string; version_no: number; estimated: number; calibrated: number | null }[] = await db.query(
    `SELECT v.item_id, v.version_no, v.predicted_minutes::int AS estimated, c.calibrated_minutes::int AS calibrated
       FROM bank_item_versions v
       LEFT JOIN item_calibrations c ON c.school_id = v.school_id AND c.item_id = v.item_id AND c.version_no = v.version_no
      WHERE v.school_id = $1 AND (v.item_id, v.version_no) IN (SELECT * FROM unnest($2::uuid[], $3::int[]))`,
    [schoolId, versions.map((v) => v.itemId), versions.map((v) => v.versionNo)],
  );
  return new Map(rows.map((r) => {
    const estimatedMinutes = Number(r.estimated);
    const calibratedMinutes = r.calibrated === null ? null : Number(r.calibrated);
    return [versionKey(r.item_id, Number(r.version_no)), {
      itemId: r.item_id, versionNo: Number(r.version_no), estimatedMinutes, calibratedMinutes,
      countedMinutes: countedMinutes(estimatedMinutes, calibratedMinutes),
    }];
  }));
}
