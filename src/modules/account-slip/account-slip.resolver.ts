import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { MutationPayload } from '../../core/payload';
import { Role } from '../../core/roles';
import { payloadOf } from '../../core/user-error';
import { UserNode } from '../user/user.type';
import { accountSlipService } from './account-slip.service';

enum SlipFormatEnum { PDF = 'pdf', XLSX = 'xlsx' }
registerEnumType(SlipFormatEnum, {
  name: 'SlipFormat', description: 'File format of printed account slips',
  valuesConfig: { PDF: { description: 'A4 PDF, ten slips to a page with cut lines' }, XLSX: { description: 'A4 workbook, one row per account' } },
});

@InputType({ description: 'Whose initial passwords to issue: exactly one of classId, teachers or userIds' })
class AccountSlipsIssueInput {
  @Field(() => ID, { nullable: true, description: "A class: its students and their parents who have no password of their own yet" })
  @IsOptional()
  classId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Every member of staff (teachers, academic office) who has no password of their own yet' })
  @IsOptional()
  teachers?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'These accounts, whatever their password: a password reset (a new slip)' })
  @IsOptional()
  @ArrayMaxSize(500)
  userIds?: string[] | null;

  @Field(() => SlipFormatEnum, { defaultValue: SlipFormatEnum.PDF, description: 'PDF (default) or XLSX' })
  format!: SlipFormatEnum;
}

@ObjectType({ description: 'Printable account slips (a PDF or a workbook)' })
class AccountSlipFile {
  @Field({ description: 'Suggested file name' }) fileName!: string;
  @Field({ description: 'MIME type' }) mimeType!: string;
  @Field({ description: 'The file, base64-encoded' }) contentBase64!: string;
}

@ObjectType({ description: 'An account given a new initial password: shown this once, never stored or shown again' })
class IssuedAccount {
  @Field(() => UserNode, { description: 'The account' }) user!: UserNode;
  @Field({ description: 'Its username' }) username!: string;
  @Field({ description: 'Its name' }) displayName!: string;
  @Field({ description: '学生, 家长, 教师 or 教务处' }) roleName!: string;
  @Field({ description: "The class (a parent's: their child's), or 教职工" }) className!: string;
  @Field(() => String, { nullable: true, description: "A parent's child, as on the slip" }) childName!: string | null;
  @Field({ description: 'The initial password; it must be changed at the first sign-in' }) initialPassword!: string;
}

@ObjectType({ description: 'Result of issuing initial passwords' })
class AccountSlipsIssuePayload extends MutationPayload {
  @Field(() => AccountSlipFile, { nullable: true, description: 'The slips to print' }) file!: AccountSlipFile | null;
  @Field(() => [IssuedAccount], { nullable: true, description: 'The accounts issued, with their initial passwords (shown once)' }) accounts!: IssuedAccount[] | null;
}

@Resolver()
export class AccountSlipResolver {
  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => AccountSlipsIssuePayload, {
    description: 'Issue initial passwords and print account slips (academic office): a new random password per account, only its hash kept, to be changed at the first sign-in. '
      + "A class's or the staff's slips cover the accounts without a password of their own; naming userIds resets those accounts. "
      + 'Issuing again invalidates the earlier slip (and signs the account out everywhere); the passwords are never stored or shown again',
  })
  accountSlipsIssue(@Arg('input', () => AccountSlipsIssueInput) input: AccountSlipsIssueInput, @Ctx() ctx: RequestContext): Promise<AccountSlipsIssuePayload> {
    return payloadOf(async () => {
      const issued = await accountSlipService.issue(ctx, {
        classId: input.classId ? fromGlobalId(input.classId, 'Class', 'classId') : null,
        teachers: input.teachers ?? false,
        userIds: input.userIds ? input.userIds.map((id, i) => fromGlobalId(id, 'User', `userIds.${i}`)) : null,
      }, input.format);
      const users = await ctx.loaders.userById.loadMany(issued.slips.map((s) => s.userId));
      const user = (i: number) => {
        const u = users[i];
        if (!u || u instanceof Error) throw u ?? new Error(`user ${issued.slips[i].userId} vanished`);
        return UserNode.from(u);
      };
      return {
        file: { fileName: issued.fileName, mimeType: issued.mimeType, contentBase64: issued.data.toString('base64') },
        accounts: issued.slips.map((s, i) => Object.assign(new IssuedAccount(), {
          user: user(i), username: s.username, displayName: s.displayName, roleName: s.roleName,
          className: s.className, childName: s.childName, initialPassword: s.initialPassword,
        })),
      };
    });
  }
}
