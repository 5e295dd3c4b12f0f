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

/** Of homework over several days, which of its days a refusal is about. */
function spanDay(f: Figures): string {
  return 'dayOfSpan' in f ? `多日作业的第 ${f.dayOfSpan} 天（共 ${n(f, 'spanDays')} 天）：` : '';
}

export const USER_ERROR_MESSAGES: Record<UserErrorCode, (f: Figures) => string> = {
  DAILY_LOAD_EXCEEDED: (f) =>
    `${spanDay(f)}超出本班当天书面作业总量上限：上限 ${n(f, 'capMinutes')} 分钟，其他学科已布置 ${n(f, 'publishedMinutes')} 分钟${perSubject(f)}，` +
    `本次作业最重的选择 ${n(f, 'thisAssignmentMinutes')} 分钟，超出 ${n(f, 'excessMinutes')} 分钟。请减少书面题目、把题目改为在校完成，或换一种作业形式。`,
  TOTAL_LOAD_EXCEEDED: (f) =>
    `${spanDay(f)}超出学校规定的本班当天家庭作业总时长上限（书面、阅读、口头、实践、劳动、锻炼等各类合计）：上限 ${n(f, 'capMinutes')} 分钟，` +
    `其他学科已布置 ${n(f, 'publishedMinutes')} 分钟${perSubject(f)}，本次作业最重的选择 ${n(f, 'thisAssignmentMinutes')} 分钟，超出 ${n(f, 'excessMinutes')} 分钟。请减少在家完成的题目，或改为在校完成。`,
  SUBJECT_BUDGET_EXCEEDED: (f) =>
    `${spanDay(f)}超出本学科当天的作业时长预算（班主任统筹）：可用 ${n(f, 'availableMinutes')} 分钟（预算 ${n(f, 'budgetMinutes')}，让出 ${n(f, 'releasedMinutes')}，获得 ${n(f, 'receivedMinutes')}），` +
    `本次作业最重的选择 ${n(f, 'thisAssignmentMinutes')} 分钟，超出 ${n(f, 'excessMinutes')} 分钟。请减少书面题目，或请班主任从其他学科让出时长。`,
  BUDGETS_EXCEED_CAP: (f) =>
    `${['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'][f.weekday] ?? ''}各科预算合计 ${n(f, 'budgetsMinutes')} 分钟，超过本班上学日上限 ${n(f, 'capMinutes')} 分钟 ${n(f, 'excessMinutes')} 分钟。`,
  RELEASE_EXCEEDS_UNUSED: (f) =>
    `只能让出未用的时长：可用 ${n(f, 'availableMinutes')} 分钟，已用 ${n(f, 'usedMinutes')} 分钟，未用 ${n(f, 'unusedMinutes')} 分钟，不能让出 ${n(f, 'requestedMinutes')} 分钟。`,
  NO_BUDGETS_ON_DAY: () => '这一天没有各科预算（不是上学日，或这个星期几没有设置预算），无需让出时长。',
  PUBLISHED_TOO_LATE: (f) => `当天作业须在下课之前布置：已超过学校规定的最晚发布时间 ${n(f, 'minutesLate')} 分钟。请改为布置明天的作业。`,
  PUBLISHED_FOR_PAST_DAY: (f) => `不能为已经过去的日期补发作业（已过去 ${n(f, 'daysPast')} 天），学校不允许补发。`,
  ITEM_OF_ANOTHER_GRADE: (f) => `有题目属于${n(f, 'itemGrade')}年级，不能布置给${n(f, 'grade')}年级；如确实适用，请备课组长标注它也适用于本年级。`,
  PART_ONE_NOT_BASIC: () => '三三三作业的第一部分（基础性作业，必做）只能放基础题：请把提高题、拓展题移到第二、三部分。',
  WRITTEN_AT_HOME_FORBIDDEN: () => '一、二年级不布置家庭书面作业：请把书面题目改为在校完成，或换成阅读、口头、实践类作业。',
  ITEM_NOT_APPROVED: () => '有题目尚未通过备课组审核（或已停用），不能布置。请换用资源库中已审核的题目。',
  ITEM_NEEDS_PHONE: () => '有题目需要使用手机或平板，作业不得依赖手机。请换一道题。',
  ITEM_NEEDS_PARENT: () => '有题目需要家长参与，但它不是实践类作业；不得给家长布置作业。请换一道题。',
  ITEM_REPETITIVE: () => '有题目属于机械重复训练，不能布置。请换一道题。',
  BEYOND_CURRICULUM_STANDARD: () => '题目难度超出课程标准，不能提交或布置。',
  ASSIGNMENT_EXISTS: () => '本班这一天已经有这门学科的当天作业了，请到“作业列表”中修改那一份（跨多天的作业可以与当天作业并存）。',
  DUE_BEFORE_START: () => '截止日期不能早于开始日期。',
  SPAN_TOO_LONG: (f) => `多日作业最长 ${n(f, 'maxDays')} 天（约一个暑假），现在共 ${n(f, 'spanDays')} 天，多出 ${n(f, 'excessDays')} 天，请提前截止日期。`,
  DAY_SHARES_COUNT: (f) => `每天的分量须每天一个：共 ${n(f, 'spanDays')} 天，却给了 ${n(f, 'shareCount')} 个。`,
  DAY_SHARES_INVALID: (f) => `每天的分量须是 0–${n(f, 'maxShare')} 的整数，且不能全为 0。`,
  INVALID_STRUCTURE: () => '作业结构不完整：三三三作业需要基础、拓展、发散三部分各至少一题；套餐需要 2–5 个，每个至少一题，同一题不能重复加入。',
  ALREADY_PUBLISHED: () => '这份作业已经发布了。',
  NOT_PUBLISHED: () => '这份作业还没有发布。',
  UNKNOWN_CHOICE: () => '没有这个层级或套餐，请刷新后重新选择。',
  GROUP_MEMBER_NOT_IN_CLASS: (f) => `小组只能包含本班学生：有 ${n(f, 'outsideCount')} 名学生不在本班，请重新勾选。`,
  GROUP_NAME_TAKEN: () => '本班这门学科已有同名小组，请换一个名称。',
  GROUP_IN_USE: (f) => `有 ${n(f, 'assignmentCount')} 份作业布置给这个小组，不能删除。`,
  GROUP_OF_ANOTHER_CLASS_OR_SUBJECT: () => '只能把作业布置给本班本学科的小组。',
  SUGGESTION_NOT_ADDRESSED: () => '这份作业没有布置给这名学生，不能为其建议层次。',
  ALREADY_SUBMITTED: () => '这份作业已经提交过了；老师请你订正时，再提交订正。',
  IDEMPOTENCY_KEY_REUSED: () => '这次提交与之前的一次冲突，请刷新页面后重新提交。',
  NO_CORRECTION_REQUESTED: () => '老师没有要求订正这份作业。',
  NOTHING_TO_MARK: () => '最新的一版已经批改过了，请等待学生订正后再复批。',
  MARK_LEVEL_MISMATCH: () => '等级字母必须与学生完成的层级一致（例如 B 层只能评 B+、B、B−）。',
  STALE_REVISION: (f) => `内容已被他人修改（你看到的是第 ${n(f, 'expectedRevision')} 版，现在是第 ${n(f, 'currentRevision')} 版），请刷新后再操作。`,
  CONCURRENT_CHANGE: () => '有人同时修改了同一内容，请刷新后重试。',
  FILE_TYPE_NOT_ALLOWED: () => '不支持这种文件：只能上传照片（JPEG、PNG）、录音（m4a、mp3、webm）或 PDF。',
  HEIC_NOT_SUPPORTED: () => '暂不支持 HEIC 格式的照片：请用“拍照”按钮直接拍摄，或在手机“设置 → 相机 → 格式”中选“兼容性最佳”。',
  FILE_TOO_LARGE: (f) => `文件太大：${Math.round(Number(f.sizeBytes) / 104857.6) / 10} MB，最多 ${Math.round(Number(f.maxBytes) / 104857.6) / 10} MB。`,
  FILE_UNREADABLE: () => '文件已损坏或不完整，无法打开。请重新拍摄或重新上传。',
  SCHOOL_STORAGE_FULL: (f) =>
    `学校的存储空间已用完${'quotaBytes' in f ? `（已用 ${Math.round(Number(f.usedBytes) / 104857.6) / 10} MB，上限 ${Math.round(Number(f.quotaBytes) / 104857.6) / 10} MB）` : ''}，这个文件传不上去。请联系教务处。`,
  TOO_MANY_FILES: (f) => `文件太多：一次最多 ${n(f, 'max')} 张照片，或者一段录音、一个 PDF（这次有 ${n(f, 'count')} 个）。`,
  FILE_NOT_USABLE: () => '这个文件不是你上传的，或已经交过了。请重新上传。',
  NOT_AN_IMAGE: () => '只有照片可以批注，题目也只能配图片。',
  CONSENT_REQUIRED: () => '需要家长先在家长页面同意保存孩子的学习数据，才能选择、提交作业或填写记录单。',
  SHEET_LOCKED: () => '班主任已经阅读了这份记录单，内容已锁定；如需更正，请联系班主任退回。',
  MESSAGES_PER_DAY_EXCEEDED: (f) => `这一天已有 ${n(f, 'messages')} 条家长留言，每天最多 ${n(f, 'maxMessages')} 条；请先等班主任回复，或当面、电话与班主任沟通。`,
  SAME_PASSWORD: () => '新密码不能与当前密码相同。',
  WRONG_PASSWORD: () => '当前密码不正确。',
  NOT_A_TEACHER: () => '所选用户不是本校教师。',
  INVALID_TRANSITION: () => '当前状态下不能进行这一步操作。',
  OWN_ITEM_REVIEW: () => '不能审核自己编写或最后修改的题目，请由其他老师审核。',
  UNIT_ORDER_TAKEN: (f) => `第 ${n(f, 'sortOrder')} 单元的位置已被占用。`,
  GRADE_NOT_IN_SCHOOL: (f) => `本校没有 ${n(f, 'grade')} 年级。`,
  WEEKLY_LIST_FILED: () => '周作业清单已报送教务处，不能再修改。',
  DAY_OUTSIDE_WEEK: () => '日期不在这一周（周一至周日）之内。',
  WEEKLY_LIST_APPROVED: () => '周作业清单已由教务处审核通过，不能再修改。',
  WEEKLY_LIST_NOT_FILED: () => '只有已报送的周作业清单可以审核或退回；请刷新后查看它现在的状态。',
  WEEKLY_LIST_OVER_WRITTEN_CAP: (f) =>
    `这一天本年级书面家庭作业超出上限：上限 ${n(f, 'capMinutes')} 分钟，其他备课组已报送 ${n(f, 'otherListsMinutes')} 分钟，` +
    `本清单 ${n(f, 'thisListMinutes')} 分钟，合计 ${n(f, 'totalMinutes')} 分钟，超出 ${n(f, 'excessMinutes')} 分钟。请减少书面作业，或改为在校完成。`,
  WEEKLY_LIST_OVER_SUBJECT_BUDGET: (f) =>
    `这一天本学科在本年级一个班的每日书面作业预算是 ${n(f, 'budgetMinutes')} 分钟（班主任统筹），本清单 ${n(f, 'thisListMinutes')} 分钟，` +
    `超出 ${n(f, 'excessMinutes')} 分钟。请减少在家完成的书面作业，或请班主任调整预算。`,
  WEEKLY_LIST_OVER_TOTAL_CAP: (f) =>
    `这一天本年级家庭作业总时长（各类合计）超出学校上限：上限 ${n(f, 'capMinutes')} 分钟，其他备课组已报送 ${n(f, 'otherListsMinutes')} 分钟，` +
    `本清单 ${n(f, 'thisListMinutes')} 分钟，合计 ${n(f, 'totalMinutes')} 分钟，超出 ${n(f, 'excessMinutes')} 分钟。请减少在家完成的作业。`,
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
  NO_ACCOUNTS_TO_ISSUE: () => '所选范围内没有需要发放初始密码的账号：都已自行设置了密码。如需重置某人的密码，请指定账号重新发放。',
  OWN_PASSWORD_RESET: () => '不能给自己发放初始密码，请用“修改密码”修改自己的密码。',
  BINDING_NOT_MATCHED: (f) => `学校代码、班级码、孩子姓名或学籍号后几位不符，请核对班主任发的班级码和孩子的学籍号${'attemptsLeft' in f ? `（还可尝试 ${f.attemptsLeft} 次）` : ''}。`,
  GUARDIANS_FULL: (f) => `每名学生最多绑定 ${n(f, 'maxGuardians')} 位监护人，这名学生已绑定 ${n(f, 'guardians')} 位。如需更换，请联系班主任。`,
  ALREADY_BOUND: () => '你已经绑定了这个孩子，无需再次申请。',
  BINDING_PENDING: () => '你绑定这个孩子的申请正在等待班主任审核，请勿重复提交。',
  PARENT_ACCOUNT_EXISTS: () => '这个用户名（手机号）已有账号：请用它登录（学校发的账号条上有初始密码），再在“添加孩子”中绑定。',
  BINDING_ALREADY_DECIDED: () => '这份绑定申请已经处理过了。',
  YEAR_TERMS_MISSING: (f) => `新学年还缺 ${n(f, 'missingTerms')} 个学期：升级前请先在“学期”中添加新学年的第一、二学期。`,
  YEAR_ALREADY_ROLLED: () => '学校已经升级到这一学年（或更晚的学年），同一学年只能升级一次。',
  ENTRY_CLASS_TAKEN: (f) => `新学年已有 ${n(f, 'grade')} 年级 (${n(f, 'classNo')}) 班（由上一年级升上来或已列出），不能再开设同名新班。`,
  CLASS_ARCHIVED: () => '这个班级已在学年升级时归档，只能查看历史，不能再布置作业、安排任课、任命班主任或编入学生。',
  LOOSER_THAN_NATIONAL: (f) =>
    `学校上限不能宽于国家规定：国家上限 ${n(f, 'nationalCapMinutes')} 分钟，填写的是 ${n(f, 'requestedCapMinutes')} 分钟，多了 ${n(f, 'excessMinutes')} 分钟。`,
};

/** A business-rule refusal as the user reads it. */
export function userErrorText(e: { code: UserErrorCode; figures: { name: string; value: number }[] }): string {
  const figures = Object.fromEntries(e.figures.map((f) => [f.name, f.value]));
  return USER_ERROR_MESSAGES[e.code](figures);
}

/**
 * Why an upload (`/uploads`, see app/upload.ts) did not end in a kept file: the service's
 * refusals by their code (FILE_TOO_LARGE, HEIC_NOT_SUPPORTED, SCHOOL_STORAGE_FULL…), the
 * protocol's own failures, or the network.
 */
export function uploadErrorText(code: string, figures: Figures): string {
  if (code in USER_ERROR_MESSAGES) return USER_ERROR_MESSAGES[code as UserErrorCode](figures);
  switch (code) {
    case 'NETWORK':
      return '网络中断，上传没有完成：请检查网络后点“重试”，已传完的部分不用重新上传。';
    case 'ABORTED':
      return '已取消上传。';
    case 'UPLOAD_GONE':
      return '上传已过期（超过一天未完成），请重新选择这个文件。';
    case 'CHUNK_TOO_LARGE':
    case 'UPLOAD_TOO_LONG':
    case 'UPLOAD_CHUNK_TOO_SMALL':
    case 'UPLOAD_OFFSET_MISMATCH':
      return '上传出错，请重新选择这个文件再试一次。';
    default:
      return requestErrorText({ code });
  }
}

/** Field names of malformed-input errors, as a form labels them. */
const FIELD_NAMES: Record<string, string> = {
  comment: '评语', newPassword: '新密码', currentPassword: '当前密码', actualMinutes: '实际用时', answer: '答案',
  message: '留言', body: '留言', reply: '回复', title: '标题', bedtime: '就寝时间', selfStudyMinutes: '自主学习时长',
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
    case 'PASSWORD_CHANGE_REQUIRED':
      return '首次登录须修改密码：请先修改学校发放的初始密码，再进行其他操作。';
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
