import { UnitSeed } from './bank-content';

/**
 * Item templates per subject. Each is written once per topic of a unit, so a unit with three
 * topics gets thirty items across the three tiers and several forms, the way a research
 * group writes a unit's bank: few, fine items, tiered, with margin.
 */
export interface ItemTemplate {
  tier: 'basic' | 'improving' | 'extending';
  form: 'written' | 'oral' | 'reading' | 'practical' | 'inquiry' | 'fun' | 'individual';
  /** Minutes for grade 3; scaled for older students. */
  minutes: number;
  difficulty: number;
  /** Which objective of the unit (0 knowledge, 1 ability, 2 literacy) the item serves. */
  objective: number;
  tags: ['routine' | 'stage', 'prescribed' | 'self_chosen', 'knowledge' | 'fun', 'practical' | 'humanistic'];
  provenance: 'selected' | 'created';
  /** A composition (作文/小练笔): marked within a week. */
  composition?: boolean;
  title: (topic: string) => string;
  body: (topic: string, unit: UnitSeed) => string;
  guide: (topic: string) => string;
}

const CHINESE: ItemTemplate[] = [
  { tier: 'basic', form: 'reading', minutes: 8, difficulty: 1, objective: 0, tags: ['routine', 'prescribed', 'knowledge', 'humanistic'], provenance: 'created',
    title: (t) => `朗读《${t}》`, body: (t) => `有感情地朗读课文《${t}》两遍，读准字音，读出停顿。读完在书上圈出你觉得最美的一个句子。`,
    guide: () => '能正确、流利地朗读；圈出的句子能说出理由即可。' },
  { tier: 'basic', form: 'written', minutes: 8, difficulty: 2, objective: 0, tags: ['routine', 'prescribed', 'knowledge', 'practical'], provenance: 'selected',
    title: (t) => `《${t}》字词运用`, body: (t) => `从《${t}》中选出 4 个新学的词语，各写一句话，要求意思完整、用词恰当。`,
    guide: () => '每句用对词语得 1 分；句子通顺、有画面感的给予表扬。' },
  { tier: 'basic', form: 'oral', minutes: 5, difficulty: 1, objective: 1, tags: ['routine', 'prescribed', 'knowledge', 'humanistic'], provenance: 'created',
    title: (t) => `说说《${t}》讲了什么`, body: (t) => `用三四句话向同学说说《${t}》主要讲了什么，第二天课前小组内交流。`,
    guide: () => '能抓住主要人物和事件，说得清楚、连贯即可。' },
  { tier: 'improving', form: 'written', minutes: 12, difficulty: 3, objective: 1, tags: ['routine', 'prescribed', 'knowledge', 'humanistic'], provenance: 'created', composition: true,
    title: (t) => `《${t}》小练笔`, body: (t) => `仿照《${t}》中你喜欢的一段话的写法，写一段 100 字左右的话，写写身边的人或景。`,
    guide: () => '仿写出原文的结构或修辞即可；重在观察真实生活。' },
  { tier: 'improving', form: 'reading', minutes: 15, difficulty: 3, objective: 1, tags: ['routine', 'self_chosen', 'knowledge', 'humanistic'], provenance: 'selected',
    title: (t) => `与《${t}》主题相近的课外阅读`, body: (t) => `从班级图书角选一篇与《${t}》主题相近的文章读一读，在读书卡上写下一处相同点和一处不同点。`,
    guide: () => '读书卡写出一同一异即可，不要求字数。' },
  { tier: 'improving', form: 'oral', minutes: 10, difficulty: 3, objective: 2, tags: ['stage', 'self_chosen', 'fun', 'humanistic'], provenance: 'created',
    title: (t) => `《${t}》片段复述`, body: (t) => `选《${t}》中印象最深的一个片段，加上自己的动作和表情复述给同学听。`,
    guide: () => '复述内容准确、加入合理想象的为优。' },
  { tier: 'extending', form: 'inquiry', minutes: 20, difficulty: 4, objective: 2, tags: ['stage', 'self_chosen', 'knowledge', 'practical'], provenance: 'created',
    title: (t) => `关于《${t}》的小探究`, body: (t) => `围绕《${t}》提出一个你感兴趣的问题，到图书馆查阅资料，把找到的答案整理成三五句话，下周语文课上分享。`,
    guide: () => '问题真实、资料有出处即可；鼓励不同角度。' },
  { tier: 'extending', form: 'fun', minutes: 20, difficulty: 3, objective: 2, tags: ['stage', 'self_chosen', 'fun', 'humanistic'], provenance: 'created',
    title: (t) => `为《${t}》设计一张书签`, body: (t) => `为《${t}》设计一张书签：一面画出你心中的画面，一面摘抄一句最打动你的话。`,
    guide: () => '画面与文意相符、摘抄准确即可，不以画技评价。' },
  { tier: 'extending', form: 'individual', minutes: 15, difficulty: 3, objective: 1, tags: ['routine', 'self_chosen', 'fun', 'humanistic'], provenance: 'created',
    title: (t) => `读《${t}》有感`, body: (t) => `读了《${t}》，你想到了自己的什么经历？用自己喜欢的方式记录下来：一段话、一首小诗或一幅连环画都可以。`,
    guide: () => '形式不限，真情实感为首要标准。' },
  { tier: 'basic', form: 'written', minutes: 6, difficulty: 2, objective: 0, tags: ['stage', 'prescribed', 'knowledge', 'practical'], provenance: 'selected',
    title: (t) => `《${t}》课后小测`, body: (t) => `完成《${t}》课后练习中的第 1、2 题（选编自教材），独立完成，不查书。`,
    guide: () => '对照教参答案批改；错题当天订正并面批。' },
];

const MATH: ItemTemplate[] = [
  { tier: 'basic', form: 'written', minutes: 8, difficulty: 1, objective: 0, tags: ['routine', 'prescribed', 'knowledge', 'practical'], provenance: 'selected',
    title: (t) => `${t}·基础练习`, body: (t) => `完成与“${t}”有关的 4 道基础题（选编自教材练习），写出计算过程。`,
    guide: () => '过程与结果各占一半；同类错误只讲一次，当天订正。' },
  { tier: 'basic', form: 'oral', minutes: 5, difficulty: 1, objective: 0, tags: ['routine', 'prescribed', 'knowledge', 'practical'], provenance: 'created',
    title: (t) => `${t}·说一说`, body: (t) => `把今天学的“${t}”的方法讲给同桌听，并各出一道题互相考一考。`,
    guide: () => '能说清算理或方法即可。' },
  { tier: 'basic', form: 'written', minutes: 6, difficulty: 2, objective: 1, tags: ['routine', 'prescribed', 'knowledge', 'practical'], provenance: 'created',
    title: (t) => `${t}·找错改错`, body: (t) => `下面是小明做的 3 道“${t}”的题，找出错在哪里，说明原因并改正。`,
    guide: () => '找出错误并说对原因得满分。' },
  { tier: 'improving', form: 'written', minutes: 10, difficulty: 3, objective: 1, tags: ['routine', 'prescribed', 'knowledge', 'practical'], provenance: 'created',
    title: (t) => `${t}·变式练习`, body: (t) => `完成 2 道“${t}”的变式题，题目条件有变化，想一想和例题有什么不同。`,
    guide: () => '能正确迁移方法即可；写出思路的给予鼓励。' },
  { tier: 'improving', form: 'inquiry', minutes: 12, difficulty: 3, objective: 1, tags: ['stage', 'self_chosen', 'knowledge', 'practical'], provenance: 'created',
    title: (t) => `${t}·找规律`, body: (t) => `观察“${t}”的几个例子，你发现了什么规律？先写下猜想，再举两个例子验证。`,
    guide: () => '猜想合理并尝试验证即可，不要求严格证明。' },
  { tier: 'improving', form: 'oral', minutes: 8, difficulty: 3, objective: 2, tags: ['stage', 'self_chosen', 'fun', 'practical'], provenance: 'created',
    title: (t) => `${t}·当小老师`, body: (t) => `选一道“${t}”的题，录制或准备一段一分钟的讲解，课上当小老师讲给大家听（不需要手机，当面讲即可）。`,
    guide: () => '讲解清楚、步骤完整为优。' },
  { tier: 'extending', form: 'practical', minutes: 15, difficulty: 3, objective: 2, tags: ['stage', 'self_chosen', 'fun', 'practical'], provenance: 'created',
    title: (t) => `${t}·生活中的数学`, body: (t) => `在生活中找一找哪里用到了“${t}”，记录一个例子，写出其中的数学问题并解答。`,
    guide: () => '例子真实、问题与所学相关即可。' },
  { tier: 'extending', form: 'fun', minutes: 15, difficulty: 3, objective: 2, tags: ['stage', 'self_chosen', 'fun', 'humanistic'], provenance: 'created',
    title: (t) => `${t}·数学游戏`, body: (t) => `设计一个和“${t}”有关的小游戏或谜题，写清规则，明天和同学玩一玩。`,
    guide: () => '规则清楚、能用到所学知识即可。' },
  { tier: 'extending', form: 'inquiry', minutes: 20, difficulty: 4, objective: 1, tags: ['stage', 'self_chosen', 'knowledge', 'humanistic'], provenance: 'created',
    title: (t) => `${t}·挑战题`, body: (t) => `挑战一道“${t}”的综合题（在课标要求之内），可以用画图、列表等多种方法，写出你的思考过程。`,
    guide: () => '方法多样均可；思路清晰比结果更重要。' },
  { tier: 'basic', form: 'written', minutes: 5, difficulty: 2, objective: 0, tags: ['stage', 'prescribed', 'knowledge', 'practical'], provenance: 'selected',
    title: (t) => `${t}·课堂小测`, body: (t) => `课堂上完成“${t}”小测 3 题，独立完成。`,
    guide: () => '当堂批改，错题当天面批订正。' },
];

const ENGLISH: ItemTemplate[] = [
  { tier: 'basic', form: 'reading', minutes: 8, difficulty: 1, objective: 0, tags: ['routine', 'prescribed', 'knowledge', 'humanistic'], provenance: 'selected',
    title: (t) => `Read aloud: ${t}`, body: (t) => `朗读课本中 “${t}” 部分的对话两遍，注意语音语调，读给同桌听。`,
    guide: () => '发音清楚、语调自然即可。' },
  { tier: 'basic', form: 'written', minutes: 6, difficulty: 1, objective: 0, tags: ['routine', 'prescribed', 'knowledge', 'practical'], provenance: 'selected',
    title: (t) => `Words: ${t}`, body: (t) => `在四线格中规范书写 “${t}” 中的 5 个重点单词，每个写一遍并配一幅小图。`,
    guide: () => '书写规范、图意对应即可；不做重复抄写。' },
  { tier: 'basic', form: 'oral', minutes: 5, difficulty: 1, objective: 1, tags: ['routine', 'prescribed', 'knowledge', 'humanistic'], provenance: 'created',
    title: (t) => `Talk: ${t}`, body: (t) => `用本课句型围绕 “${t}” 和同学进行一段三个来回的对话。`,
    guide: () => '能正确使用目标句型即可。' },
  { tier: 'improving', form: 'written', minutes: 10, difficulty: 3, objective: 1, tags: ['routine', 'prescribed', 'knowledge', 'practical'], provenance: 'created',
    title: (t) => `Write sentences: ${t}`, body: (t) => `仿照课文，用 “${t}” 相关的词语和句型写 4 个句子，介绍你自己或你的家人朋友。`,
    guide: () => '句子正确、表达真实为优。' },
  { tier: 'improving', form: 'reading', minutes: 12, difficulty: 3, objective: 1, tags: ['routine', 'self_chosen', 'knowledge', 'humanistic'], provenance: 'selected',
    title: (t) => `Reading: ${t}`, body: (t) => `阅读一篇与 “${t}” 有关的短文（学案提供），完成后面的 3 道理解题。`,
    guide: () => '以理解为主，答对 2 题即达标。' },
  { tier: 'improving', form: 'oral', minutes: 10, difficulty: 3, objective: 2, tags: ['stage', 'self_chosen', 'fun', 'humanistic'], provenance: 'created',
    title: (t) => `Role play: ${t}`, body: (t) => `和同学分角色表演 “${t}” 的对话，可以改编结尾，课上展示。`,
    guide: () => '大胆开口、表演完整即可。' },
  { tier: 'extending', form: 'fun', minutes: 15, difficulty: 3, objective: 2, tags: ['stage', 'self_chosen', 'fun', 'humanistic'], provenance: 'created',
    title: (t) => `Mini poster: ${t}`, body: (t) => `制作一张关于 “${t}” 的英文小海报，配上图画和至少 3 个句子。`,
    guide: () => '内容与主题相关、句子基本正确即可，不以美术评价。' },
  { tier: 'extending', form: 'practical', minutes: 15, difficulty: 3, objective: 2, tags: ['stage', 'self_chosen', 'fun', 'practical'], provenance: 'created',
    title: (t) => `Word cards: ${t}`, body: (t) => `制作 5 张 “${t}” 的单词卡，正面写单词，背面画图，和同学玩猜词游戏。`,
    guide: () => '单词拼写正确即可。' },
  { tier: 'extending', form: 'inquiry', minutes: 20, difficulty: 4, objective: 1, tags: ['stage', 'self_chosen', 'knowledge', 'humanistic'], provenance: 'created',
    title: (t) => `Culture corner: ${t}`, body: (t) => `查阅图书，了解英语国家与 “${t}” 有关的一个文化小知识，用中英文各写一两句介绍。`,
    guide: () => '有出处、表达清楚即可。' },
  { tier: 'basic', form: 'written', minutes: 5, difficulty: 2, objective: 0, tags: ['stage', 'prescribed', 'knowledge', 'practical'], provenance: 'selected',
    title: (t) => `Quiz: ${t}`, body: (t) => `完成 “${t}” 的课堂小测（选编自课本 Let's check），独立完成。`,
    guide: () => '当堂批改；错题当天订正。' },
];

export const TEMPLATES: Record<UnitSeed['subject'], ItemTemplate[]> = { chinese: CHINESE, math: MATH, english: ENGLISH };

/** Older students get longer tasks: grade 5 ×1.25, grade 8 ×1.5, whole minutes. */
export function minutesFor(template: ItemTemplate, grade: number): number {
  const factor = grade >= 7 ? 1.5 : grade >= 5 ? 1.25 : 1;
  return Math.round(template.minutes * factor);
}
