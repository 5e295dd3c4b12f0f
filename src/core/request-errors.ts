import { defineMessages, Figures, Locale, MessageDef } from './messages';

/**
 * Names of the things a NOT_FOUND error names, in each language, by the entity name services
 * pass to `NotFoundError` (plain strings: core imports no module). An unlisted name is shown
 * as it is.
 */
const ENTITY_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  Assignment: { zh: '作业', en: 'assignment' },
  BankItem: { zh: '题目', en: 'bank item' },
  BankItemVersion: { zh: '题目版本', en: 'bank item version' },
  Class: { zh: '班级', en: 'class' },
  ResearchGroup: { zh: '教研组', en: 'research group' },
  School: { zh: '学校', en: 'school' },
  Student: { zh: '学生', en: 'student' },
  Subject: { zh: '学科', en: 'subject' },
  Submission: { zh: '作业提交', en: 'submission' },
  TeachingAssignment: { zh: '任课安排', en: 'teaching assignment' },
  Term: { zh: '学期', en: 'term' },
  Unit: { zh: '单元', en: 'unit' },
  UnitObjective: { zh: '单元目标', en: 'unit objective' },
  User: { zh: '用户', en: 'user' },
  WeeklyList: { zh: '周作业清单', en: 'weekly list' },
  RecordSheet: { zh: '作业记录单', en: 'record sheet' },
  Node: { zh: '对象', en: 'object' },
  ParentBindingRequest: { zh: '绑定申请', en: 'binding request' },
  UploadedFile: { zh: '文件', en: 'file' },
};

/** The name of an entity (as services name it) in `locale`. */
export function entityName(entity: unknown, locale: Locale): string {
  const name = String(entity ?? '');
  const known = ENTITY_NAMES[name];
  if (known) return locale === 'en' ? known.en : known.zh;
  return name;
}

const list = (f: Figures, key: string, sep: string): string => (Array.isArray(f[key]) ? (f[key] as unknown[]).map(String).join(sep) : String(f[key] ?? ''));

/**
 * Messages of top-level GraphQL and HTTP errors the core writes itself (the modules' own are in
 * their `<module>.errors.ts`). Keys are reasons; the GraphQL code is the error's class's.
 */
export const RequestErrors = defineMessages({
  SIGN_IN_FIRST: {
    description: 'UNAUTHENTICATED: the operation needs a bearer token',
    zh: () => '请先登录：此操作需要登录凭证（Bearer 令牌）',
    en: () => 'Sign in first: this operation needs a bearer token',
  },
  ROLES_FORBID: {
    description: 'FORBIDDEN: the roles of the viewer do not allow the operation',
    zh: () => '你的角色无权进行此操作',
    en: () => 'Your roles do not allow this operation',
  },
  NOT_FOUND: {
    description: 'NOT_FOUND: no such thing in the caller\'s school',
    zh: (f) => `找不到该${entityName(f.entity, 'zh-CN')}（${f.id}）`,
    en: (f) => `The ${entityName(f.entity, 'en')} ${f.id} was not found`,
  },
  RULE_VIOLATIONS: {
    description: 'Several business rules refused the change',
    zh: (f) => list(f, 'messages', '；'),
    en: (f) => list(f, 'messages', '; '),
  },
  SERVICE_UNAVAILABLE: {
    description: 'SERVICE_UNAVAILABLE: the database cannot be reached',
    zh: (f) => `暂时无法连接数据库，本次请求没有完成；请 ${f.retryAfterSeconds} 秒后重试（新建操作请用同一个 clientKey，不会重复执行）`,
    en: (f) => `The database is unreachable at the moment, so this request was not completed; retry in ${f.retryAfterSeconds} seconds (a create with the same client key, which is never applied twice)`,
  },
  INTERNAL: {
    description: 'INTERNAL_SERVER_ERROR: an unexpected error (logged)',
    zh: () => '服务器内部错误',
    en: () => 'Internal server error',
  },
  INVALID_INPUT: {
    description: 'BAD_USER_INPUT: class-validator refused fields; `summary` lists each field\'s problems',
    zh: (f) => `输入有误——${f.summary}`,
    en: (f) => `Invalid input — ${f.summary}`,
  },
  INVALID_ID: {
    description: 'BAD_USER_INPUT: a global id is not an id of the expected type',
    zh: (f) => `${f.field} 不是有效的${entityName(f.expectedType, 'zh-CN')}编号`,
    en: (f) => `${f.field} is not a valid ${f.expectedType} id`,
  },
  BAD_CURSOR: {
    description: 'BAD_USER_INPUT: `after` is not a cursor of this list',
    zh: () => 'after 不是这个列表的游标，请从第一页重新读取',
    en: () => 'after is not a cursor of this list',
  },
  BAD_TEXT: {
    description: 'BAD_USER_INPUT: a string holds a NUL character (`kind` nul) or a lone UTF-16 surrogate',
    zh: (f) => (f.kind === 'nul' ? '含有 NUL 字符（U+0000）' : '含有不成对的 UTF-16 代理字符（不是有效的 Unicode）'),
    en: (f) => (f.kind === 'nul' ? 'contains a NUL character (U+0000)' : 'contains a lone UTF-16 surrogate (not valid Unicode)'),
  },
  WEEK_START_NOT_MONDAY: {
    description: 'BAD_USER_INPUT: a week is named by its Monday',
    zh: (f) => `${f.field} 须是星期一（一周从星期一开始）`,
    en: (f) => `${f.field} must be a Monday`,
  },
  EXPECTED_REVISION_REQUIRED: {
    description: 'BAD_USER_INPUT: changing an existing record needs the revision the client read',
    zh: (f) => `修改已有的${f.what === 'sheet' ? '作业记录单' : f.what === 'cap' ? '作业时长上限' : '周作业清单'}须给出 expectedRevision（你读到的版本号）`,
    en: (f) => `expectedRevision is required to change ${f.what === 'sheet' ? 'a filled sheet' : f.what === 'cap' ? 'an existing cap' : 'an existing list'}`,
  },
  QUERY_LIMIT: {
    description: 'QUERY_LIMIT_EXCEEDED: the query exceeds a depth, alias, cost or other limit',
    zh: (f) => `查询超出了${limitName(f.limit, 'zh-CN')}限制：${f.value} > ${f.max}`,
    en: (f) => `The query exceeds the ${f.limit} limit: ${f.value} > ${f.max}`,
  },
  DOCUMENT_TOO_LARGE: {
    description: 'QUERY_LIMIT_EXCEEDED: the query text is larger than allowed',
    zh: (f) => `查询超出了文档大小限制：${f.value} > ${f.max} 字节`,
    en: (f) => `The query exceeds the document size limit: ${f.value} > ${f.max} bytes`,
  },
  TOO_MANY_TOKENS: {
    description: 'QUERY_LIMIT_EXCEEDED: the query has more tokens than allowed',
    zh: (f) => `查询超出了词法单元数量限制：超过 ${f.max} 个`,
    en: (f) => `The query exceeds the tokens limit: more than ${f.max} tokens`,
  },
  BODY_TOO_LARGE: {
    description: '413: the request body is larger than allowed',
    zh: (f) => `请求体超过 ${f.max} 字节`,
    en: (f) => `Request body exceeds ${f.max} bytes`,
  },
  BODY_NOT_JSON: {
    description: '400: the request body is not JSON',
    zh: () => '请求体不是有效的 JSON',
    en: () => 'Request body is not valid JSON',
  },
  NO_SUCH_ROUTE: {
    description: '404: nothing is served at this path',
    zh: () => '找不到该地址：GraphQL 服务位于 /graphql',
    en: () => 'Not found: GraphQL is served at /graphql',
  },
});

const LIMIT_NAMES: Readonly<Record<string, string>> = {
  depth: '嵌套深度',
  aliases: '别名数量',
  cost: '查询成本',
  'password operations': '登录或改密操作次数',
  'document size': '文档大小',
  tokens: '词法单元数量',
};

function limitName(limit: unknown, locale: Locale): string {
  const name = String(limit ?? '');
  return locale === 'en' ? name : LIMIT_NAMES[name] ?? name;
}

/** class-validator's constraint names and their Chinese message, from the figures of its own. */
const CONSTRAINTS: Readonly<Record<string, (f: ConstraintFigures) => string>> = {
  isLength: (f) => (f.side === 'max' ? `${f.field} 最多 ${f.limit} 个字符` : `${f.field} 至少 ${f.limit} 个字符`),
  maxLength: (f) => `${f.field} 最多 ${f.limit} 个字符`,
  minLength: (f) => `${f.field} 至少 ${f.limit} 个字符`,
  min: (f) => `${f.field} 不能小于 ${f.limit}`,
  max: (f) => `${f.field} 不能大于 ${f.limit}`,
  arrayMaxSize: (f) => `${f.field} 最多 ${f.limit} 项`,
  arrayMinSize: (f) => `${f.field} 至少 ${f.limit} 项`,
  isNotEmpty: (f) => `${f.field} 不能为空`,
  isString: (f) => `${f.field} 须是文本`,
  isIn: (f) => `${f.field} 须是下列值之一：${f.values}`,
  matches: (f) => `${f.field} 的格式不正确`,
};

/** Messages that `@Matches(…, { message })` and other decorators give, in Chinese. */
const CUSTOM_MESSAGES: readonly [RegExp, (field: string) => string][] = [
  [/must not be blank$/, (field) => `${field} 不能为空白`],
  [/must contain a letter$/, (field) => `${field} 须包含字母`],
  [/must contain a digit$/, (field) => `${field} 须包含数字`],
  [/must be 1–3 capital letters or digits$/, (field) => `${field} 须是 1–3 个大写字母或数字`],
];

interface ConstraintFigures {
  field: string;
  limit: string;
  side: 'min' | 'max';
  values: string;
}

/**
 * One class-validator problem in `locale`: in English its own message; in Chinese by the
 * constraint's name (isLength, min, max, …) with the figures taken from its message. An
 * unknown constraint keeps its message.
 */
export function constraintMessage(constraint: string, message: string, field: string, locale: Locale): string {
  if (locale === 'en') return message;
  const custom = CUSTOM_MESSAGES.find(([re]) => re.test(message));
  if (custom) return custom[1](field);
  const text = CONSTRAINTS[constraint];
  if (!text) return message;
  const numbers = message.match(/-?\d+(\.\d+)?/g) ?? [];
  const side: 'min' | 'max' = /shorter|no more|greater/.test(message) ? 'max' : 'min';
  const values = message.includes(':') ? message.slice(message.lastIndexOf(':') + 1).trim() : '';
  return text({ field, limit: numbers[numbers.length - 1] ?? '', side, values });
}

/** Every core catalogue of top-level messages (for the catalogue tests). */
export const CORE_MESSAGE_CATALOGUES: readonly Readonly<Record<string, MessageDef>>[] = [RequestErrors];
