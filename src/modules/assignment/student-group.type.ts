import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsNotEmpty, Length, Matches } from 'class-validator';
import { toGlobalId } from '../../core/ids';
import { Node } from '../../core/node';
import { RevisionedInput } from '../../core/revisioned-input';
import { StudentGroup } from './student-group.entity';

@ObjectType('StudentGroup', { implements: Node, description: "A named group of a class's students for one subject (分层、个性化), kept by its teachers; staff only" })
export class StudentGroupNode extends Node {
  @Field({ description: 'Name, e.g. 需要巩固的同学' }) name!: string;
  @Field(() => Int, { description: 'Revision for optimistic locking; pass it back as expectedRevision' }) revision!: number;

  entity!: StudentGroup;

  static from(g: StudentGroup): StudentGroupNode {
    return Object.assign(new StudentGroupNode(), { id: toGlobalId('StudentGroup', g.id), name: g.name, revision: g.revision, entity: g });
  }
}

@InputType({ description: 'A new group of students of a class, for a subject you teach the class' })
export class StudentGroupCreateInput {
  @Field(() => ID, { description: 'The class' }) @IsNotEmpty() classId!: string;
  @Field(() => ID, { description: 'The subject (you must teach it to the class)' }) @IsNotEmpty() subjectId!: string;
  @Field({ description: 'Name (1–40 characters), unique per class and subject' }) @Length(1, 40)
  @Matches(/\S/, { message: '$property must not be blank' }) name!: string;
  @Field(() => [ID], { description: 'Students of the class (0–100)' }) @ArrayMaxSize(100) studentIds!: string[];
}

@InputType({ description: 'A new name for a group' })
export class StudentGroupRenameInput extends RevisionedInput {
  @Field(() => ID, { description: 'The group' }) @IsNotEmpty() groupId!: string;
  @Field({ description: 'Name (1–40 characters), unique per class and subject' }) @Length(1, 40)
  @Matches(/\S/, { message: '$property must not be blank' }) name!: string;
}

@InputType({ description: "A group's members, replacing the present ones" })
export class StudentGroupSetMembersInput extends RevisionedInput {
  @Field(() => ID, { description: 'The group' }) @IsNotEmpty() groupId!: string;
  @Field(() => [ID], { description: 'Students of the class (0–100)' }) @ArrayMaxSize(100) studentIds!: string[];
}

@InputType({ description: 'A group to delete (no homework may be addressed to it)' })
export class StudentGroupDeleteInput extends RevisionedInput {
  @Field(() => ID, { description: 'The group' }) @IsNotEmpty() groupId!: string;
}
