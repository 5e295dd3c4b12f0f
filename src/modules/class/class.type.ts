import { Field, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { SchoolClass, TeachingAssignment } from './class.entity';

@ObjectType('Class', { implements: Node, description: 'A class (班级) of one grade' })
export class ClassNode extends Node {
  @Field(() => Int, { description: 'Grade 1–9' })
  grade!: number;

  @Field(() => Int, { description: 'Number of the class within its grade' })
  classNo!: number;

  @Field({ description: 'e.g. 三年级(1)班' })
  name!: string;

  @Field(() => Date, { nullable: true, description: 'When the class was archived at a school-year rollover (graduated or moved up); null for a current class' })
  archivedAt!: Date | null;

  entity!: SchoolClass;

  static from(c: SchoolClass): ClassNode {
    return Object.assign(new ClassNode(), {
      id: toGlobalId('Class', c.id),
      grade: c.grade,
      classNo: c.classNo,
      name: c.name,
      archivedAt: c.archivedAt,
      entity: c,
    });
  }
}

@ObjectType('TeachingAssignment', { implements: Node, description: 'A teacher teaches a subject to a class (任课)' })
export class TeachingAssignmentNode extends Node {
  entity!: TeachingAssignment;

  static from(t: TeachingAssignment): TeachingAssignmentNode {
    return Object.assign(new TeachingAssignmentNode(), { id: toGlobalId('TeachingAssignment', t.id), entity: t });
  }
}
