import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 教研组/备课组: one subject × one grade, with a lead and members. */
@Entity('research_groups')
export class ResearchGroup {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column('smallint') grade!: number;
  @Column('text') name!: string;
  @Column({ name: 'lead_id', type: 'uuid' }) leadId!: string;
  /** Bumped by every change; an edit naming an older revision is refused. */
  @Column('integer') revision!: number;
}

@Entity('research_group_members')
export class ResearchGroupMember {
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId!: string;
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
}
