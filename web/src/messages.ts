import type { UserErrorCode } from './graphql/graphql';

/**
 * The one table from the service's error codes to what the user reads, in Chinese, with the
 * figures of the refusal filled in. Business-rule refusals (`userErrors`) are keyed by their
 * stable code — the Record type makes a new code in the schema fail the typecheck until it has
 * its text here; request-level errors by `extensions.code`.
 */
export type Figures = Record<string, number>;

const n = (f: Figures, name: string): string => (name in f ? String(f[name]) : '—');

const SUBJECT_NAMES: Record<string, string> = {
  chinese: '语文', math: '数学', english: '英语', science: '科学', morality_law: '道德与法治',
  physics: '物理', chemistry: '化学', biology: '生物', history: '历史', geography: '地理',
};

/** Minutes each other subject has published, from figures named `published.<subject code>`. */
function perSubject(f: Figures): string {
  const parts = Object.entries(f)
    .filter(([k]) => k.startsWith('published.'))
    .map(([k, v]) => `${SUBJECT_NAMES[k.slice('published.'.length)] ?? k.slice('published.'.length)} ${v} 分钟`);
  return parts.length ? `（${parts.join('，')}）` : '';
}

export const USER_ERROR_MESSAGES: Record<UserErrorCode, (f: Figures) => string> = {
  DAILY_LOAD_EXCEEDED: (f) =>
    `超出本班当天书面作业总量上限：上限 ${n(f, 'capMinutes')} 分钟，其他学科已布置 ${n(f, 'publishedMinutes')} 分钟${perSubject(f)}，` +
    `本次作业最重的选择 ${n(f, 'thisAssignmentMinutes')} 分钟，超出 ${n(f, 'excessMinutes')} 分钟。请减少书面题目、把题目改为在校完成，或换一种作业形式。`,
  WRITTEN_AT_HOME_FORBIDDEN: () => '一、二年级不布置家庭书面作业：请把书面题目改为在校完成，或换成阅读、口头、实践类作业。',
  ITEM_NOT_APPROVED: () => '有题目尚未通过备课组审核（或已停用），不能布置。请换用资源库中已审核的题目。',
  ITEM_NEEDS_PHONE: () => '有题目需要使用手机或平板，作业不得依赖手机。请换一道题。',
  ITEM_NEEDS_PARENT: () => '有题目需要家长参与，但它不是实践类作业；不得给家长布置作业。请换一道题。',
  ITEM_REPETITIVE: () => '有题目属于机械重复训练，不能布置。请换一道题。',
  BEYOND_CURRICULUM_STANDARD: () => '题目难度超出课程标准，不能提交或布置。',
  ASSIGNMENT_EXISTS: () => '本班这一天已经有这门学科的作业了，请到“作业列表”中修改那一份。',
  INVALID_STRUCTURE: () => '作业结构不完整：三三三作业需要基础、拓展、发散三部分各至少一题；套餐需要 2–5 个，每个至少一题，同一题不能重复加入。',
  ALREADY_PUBLISHED: () => '这份作业已经发布了。',
  NOT_PUBLISHED: () => '这份作业还没有发布。',
  UNKNOWN_CHOICE: () => '没有这个层级或套餐，请刷新后重新选择。',
  ALREADY_SUBMITTED: () => '这份作业已经提交过了；老师请你订正时，再提交订正。',
  IDEMPOTENCY_KEY_REUSED: () => '这次提交与之前的一次冲突，请刷新页面后重新提交。',
  NO_CORRECTION_REQUESTED: () => '老师没有要求订正这份作业。',
  NOTHING_TO_MARK: () => '最新的一版已经批改过了，请等待学生订正后再复批。',
  MARK_LEVEL_MISMATCH: () => '等级字母必须与学生完成的层级一致（例如 B 层只能评 B+、B、B−）。',
  STALE_REVISION: (f) => `内容已被他人修改（你看到的是第 ${n(f, 'expectedRevision')} 版，现在是第 ${n(f, 'currentRevision')} 版），请刷新后再操作。`,
  CONCURRENT_CHANGE: () => '有人同时修改了同一内容，请刷新后重试。',
  CONSENT_REQUIRED: () => '需要家长先在家长页面同意保存孩子的学习数据，才能选择、提交作业或填写记录单。',
  SHEET_LOCKED: () => '班主任已经阅读了这份记录单，内容已锁定；如需更正，请联系班主任退回。',
  SAME_PASSWORD: () => '新密码不能与当前密码相同。',
  WRONG_PASSWORD: () => '当前密码不正确。',
  NOT_A_TEACHER: () => '所选用户不是本校教师。',
  INVALID_TRANSITION: () => '当前状态下不能进行这一步操作。',
  OWN_ITEM_REVIEW: () => '不能审核自己编写或最后修改的题目，请由其他老师审核。',
  UNIT_ORDER_TAKEN: (f) => `第 ${n(f, 'sortOrder')} 单元的位置已被占用。`,
  GRADE_NOT_IN_SCHOOL: (f) => `本校没有 ${n(f, 'grade')} 年级。`,
  WEEKLY_LIST_FILED: () => '周作业清单已报送教务处，不能再修改。',
  DAY_OUTSIDE_WEEK: () => '日期不在这一周（周一至周日）之内。',
  TERM_EXISTS: () => '本校这一学年的这个学期已经存在。',
  TERM_OVERLAP: () => '学期日期与本校另一个学期重叠，请检查开始和结束日期。',
  SUBJECT_EXISTS: () => '本校已有同名学科。',
  CLASS_EXISTS: (f) => `${n(f, 'grade')} 年级已有 (${n(f, 'classNo')}) 班。`,
  TEACHING_ASSIGNMENT_EXISTS: () => '这位老师已经在这个班任教这门学科。',
  RESEARCH_GROUP_EXISTS: () => '本校这一学科、这一年级的备课组已经存在。',
  USERNAME_TAKEN: () => '本校已有人使用这个用户名，请换一个。',
  STUDENT_NO_TAKEN: () => '本校已有学生使用这个学籍号，请核对。',
  USER_DEACTIVATED: () => '该用户已离校（停用），不能再安排任务。',
  NOT_A_STUDENT: () => '所选用户不是学生。',
  DAY_OUTSIDE_RANGE: () => '有日期不在所设置的学期或年份之内。',
  DAY_MARKED_TWICE: () => '有日期被重复填写，或同时填成了假日和调休上课日。',
  MAKE_UP_DAY_NOT_WEEKEND: () => '调休上课日必须是星期六或星期日。',
  OWN_OFFICE_ROLE: () => '不能取消自己的教务处角色，也不能停用自己的账号。',
  LOOSER_THAN_NATIONAL: (f) =>
    `学校上限不能宽于国家规定：国家上限 ${n(f, 'nationalCapMinutes')} 分钟，填写的是 ${n(f, 'requestedCapMinutes')} 分钟，多了 ${n(f, 'excessMinutes')} 分钟。`,
};

/** A business-rule refusal as the user reads it. */
export function userErrorText(e: { code: UserErrorCode; figures: { name: string; value: number }[] }): string {
  const figures = Object.fromEntries(e.figures.map((f) => [f.name, f.value]));
  return USER_ERROR_MESSAGES[e.code](figures);
}

/** Field names of malformed-input errors, as a form labels them. */
const FIELD_NAMES: Record<string, string> = {
  comment: '评语', newPassword: '新密码', currentPassword: '当前密码', actualMinutes: '实际用时', answer: '答案',
  message: '留言', reply: '回复', title: '标题', bedtime: '就寝时间', selfStudyMinutes: '自主学习时长',
  selfStudyContent: '自主学习内容', date: '日期', options: '作业内容', schoolCode: '学校代码', username: '用户名', password: '密码',
};

export interface RequestErrorInfo {
  code: string;
  extensions?: Record<string, unknown>;
}

/** Errors of the request itself (not signed in, not allowed, malformed input, service down). */
export function requestErrorText(e: RequestErrorInfo): string {
  const ext = e.extensions ?? {};
  switch (e.code) {
    case 'NETWORK':
      return '连接不上作业服务，请检查网络后点“重试”。';
    case 'UNAUTHENTICATED':
      return '登录已过期或已在别处退出，请重新登录。';
    case 'FORBIDDEN':
      return '你没有权限进行这项操作；如有疑问请联系班主任或教务处。';
    case 'NOT_FOUND':
      return '没有找到这项内容，它可能已被删除或不属于你的班级。';
    case 'TOO_MANY_ATTEMPTS':
      return `登录失败次数过多，请 ${Math.ceil(Number(ext.retryAfterSeconds ?? 60) / 60)} 分钟后再试，或联系教务处重置密码。`;
    case 'PASSWORD_CHECKS_BUSY':
      return `现在登录的人很多，请 ${Number(ext.retryAfterSeconds ?? 2)} 秒后再点一次“登录”。`;
    case 'SERVICE_UNAVAILABLE':
      return `服务暂时不可用，请 ${Number(ext.retryAfterSeconds ?? 2)} 秒后重试；已提交的内容不会重复保存。`;
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'GRAPHQL_PARSE_FAILED':
      return '页面版本与服务不一致（服务刚更新过），请刷新页面后重试。';
    case 'QUERY_LIMIT_EXCEEDED':
      return '一次请求的内容太多，请缩小查询范围后重试。';
    case 'BAD_USER_INPUT': {
      const fields = (ext.fields as { field: string }[] | undefined) ?? [];
      const names = fields.map((f) => FIELD_NAMES[f.field.split('.').pop() ?? ''] ?? f.field);
      return names.length ? `以下内容填写不正确，请检查后重试：${[...new Set(names)].join('、')}。` : '填写的内容不正确，请检查后重试。';
    }
    default:
      return '出了点问题，请稍后重试；如果一直这样，请联系教务处。';
  }
}
