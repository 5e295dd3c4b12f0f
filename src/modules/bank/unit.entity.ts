import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ObjectiveKind } from './bank.enums';

/** 单元: a textbook unit of one subject, grade and term. */
@Entity('units')
export class Unit {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column('smallint') grade!: number;
  @Column({ name: 'term_id', type: 'uuid' }) termId!: string;
  /** Textbook volume, e.g. 三年级上册. */
  @Column('text') volume!: string;
  @Column({ name: 'sort_order', type: 'smallint' }) sortOrder!: number;
  @Column('text') title!: string;
  @Column('integer') revision!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('unit_objectives')
export class UnitObjective {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @Column('text') kind!: ObjectiveKind;
  @Column('text') description!: string;
  @Column({ name: 'sort_order', type: 'smallint' }) sortOrder!: number;
}
