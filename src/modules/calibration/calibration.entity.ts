import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Observed minutes of one item version and, with enough observations, its calibrated prediction. */
@Entity('item_calibrations')
export class ItemCalibration {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @PrimaryColumn({ name: 'version_no', type: 'integer' }) versionNo!: number;
  @Column('integer') observations!: number;
  @Column({ name: 'median_minutes', type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) medianMinutes!: number;
  @Column({ name: 'p80_minutes', type: 'numeric', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) p80Minutes!: number;
  @Column({ name: 'calibrated_minutes', type: 'smallint', nullable: true }) calibratedMinutes!: number | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
