/**
 * Demo content of the homework bank: real textbook units (统编版语文, 人教版数学, 人教版PEP/新目标英语)
 * of grades 3, 5 and 8, with their objectives and the topics the item templates are written around.
 */
export type ObjectiveSeed = ['knowledge' | 'ability' | 'literacy', string];

export interface UnitSeed {
  subject: 'chinese' | 'math' | 'english';
  grade: 3 | 5 | 8;
  order: number;
  title: string;
  objectives: ObjectiveSeed[];
  /** Lessons or sub-topics of the unit; every template is written once per topic. */
  topics: string[];
}

export const VOLUMES: Record<number, string> = { 3: '三年级上册', 5: '五年级上册', 8: '八年级上册' };

export const UNITS: UnitSeed[] = [
  // ---- 语文
  { subject: 'chinese', grade: 3, order: 1, title: '第一单元 学校生活', topics: ['大青树下的小学', '花的学校', '不懂就要问'],
    objectives: [['knowledge', '认识本单元生字，会写“晨、绒”等字'], ['ability', '阅读时关注有新鲜感的词语和句子'], ['literacy', '体会学校生活的多姿多彩，热爱校园']] },
  { subject: 'chinese', grade: 3, order: 2, title: '第二单元 金秋时节', topics: ['古诗三首', '铺满金色巴掌的水泥道', '秋天的雨'],
    objectives: [['knowledge', '背诵《山行》《赠刘景文》《夜书所见》'], ['ability', '运用多种方法理解难懂的词语'], ['literacy', '感受秋天的美好，留心观察身边的自然']] },
  { subject: 'chinese', grade: 3, order: 3, title: '第三单元 童话世界', topics: ['卖火柴的小女孩', '那一定会很好', '在牛肚子里旅行'],
    objectives: [['knowledge', '了解童话丰富的想象'], ['ability', '试着自己编童话，写童话'], ['literacy', '感受童话中美好的情感']] },
  { subject: 'chinese', grade: 5, order: 1, title: '第一单元 万物有灵', topics: ['白鹭', '落花生', '桂花雨'],
    objectives: [['knowledge', '了解借助具体事物抒发感情的方法'], ['ability', '初步体会课文借物抒情的写法'], ['literacy', '学习做一个对别人有用的人']] },
  { subject: 'chinese', grade: 5, order: 2, title: '第二单元 阅读要有一定的速度', topics: ['搭石', '将相和', '什么比猎豹的速度更快'],
    objectives: [['knowledge', '掌握提高阅读速度的方法'], ['ability', '连词成句地读，不回读'], ['literacy', '体会人物美好的品质']] },
  { subject: 'chinese', grade: 5, order: 3, title: '第三单元 民间故事', topics: ['猎人海力布', '牛郎织女（一）', '牛郎织女（二）'],
    objectives: [['knowledge', '了解民间故事的特点'], ['ability', '创造性地复述故事'], ['literacy', '感受民间故事中劳动人民的智慧与美好愿望']] },
  { subject: 'chinese', grade: 8, order: 1, title: '第一单元 新闻', topics: ['消息二则', '首届诺贝尔奖颁发', '“飞天”凌空'],
    objectives: [['knowledge', '了解消息、通讯、特写等新闻体裁的特点'], ['ability', '学习新闻采访和写作'], ['literacy', '关注社会，培养公民意识']] },
  { subject: 'chinese', grade: 8, order: 2, title: '第二单元 回忆性散文与传记', topics: ['藤野先生', '回忆我的母亲', '列夫·托尔斯泰'],
    objectives: [['knowledge', '了解传记的文体特征'], ['ability', '把握人物的主要经历和精神品质'], ['literacy', '学习传主的优秀品质，思考人生价值']] },
  { subject: 'chinese', grade: 8, order: 3, title: '第三单元 古代山水诗文', topics: ['三峡', '答谢中书书', '记承天寺夜游'],
    objectives: [['knowledge', '积累常见文言实词、虚词'], ['ability', '反复朗读，体会古人描写山水的方法'], ['literacy', '感受古代文人的情怀，热爱祖国山河']] },
  // ---- 数学
  { subject: 'math', grade: 3, order: 1, title: '时、分、秒', topics: ['认识秒', '时间的计算', '经过时间'],
    objectives: [['knowledge', '认识时间单位秒，知道1分=60秒'], ['ability', '会计算简单的经过时间'], ['literacy', '养成珍惜时间的好习惯']] },
  { subject: 'math', grade: 3, order: 2, title: '万以内的加法和减法（一）', topics: ['两位数加两位数口算', '几百几十加减几百几十', '估算'],
    objectives: [['knowledge', '掌握两位数加减两位数的口算方法'], ['ability', '能结合具体情境进行估算'], ['literacy', '发展数感，体会估算的价值']] },
  { subject: 'math', grade: 3, order: 8, title: '分数的初步认识', topics: ['几分之一', '几分之几', '分数的简单计算'],
    objectives: [['knowledge', '初步认识几分之一和几分之几'], ['ability', '会比较简单分数的大小，会计算同分母分数加减'], ['literacy', '在生活中发现分数，培养数感']] },
  { subject: 'math', grade: 5, order: 1, title: '小数乘法', topics: ['小数乘整数', '小数乘小数', '积的近似数'],
    objectives: [['knowledge', '理解小数乘法的算理'], ['ability', '正确计算小数乘法并能求积的近似数'], ['literacy', '用小数乘法解决生活中的问题']] },
  { subject: 'math', grade: 5, order: 5, title: '简易方程', topics: ['用字母表示数', '解方程', '实际问题与方程'],
    objectives: [['knowledge', '理解方程的意义和等式的性质'], ['ability', '会解简易方程，会列方程解决问题'], ['literacy', '初步体会代数思想']] },
  { subject: 'math', grade: 5, order: 6, title: '多边形的面积', topics: ['平行四边形的面积', '三角形的面积', '梯形的面积'],
    objectives: [['knowledge', '掌握平行四边形、三角形、梯形的面积公式'], ['ability', '用转化的方法推导面积公式'], ['literacy', '发展空间观念和推理能力']] },
  { subject: 'math', grade: 8, order: 11, title: '三角形', topics: ['三角形的边', '三角形的内角', '多边形及其内角和'],
    objectives: [['knowledge', '掌握三角形三边关系和内角和定理'], ['ability', '会用内角和定理进行计算和推理'], ['literacy', '体会三角形稳定性在生活中的应用']] },
  { subject: 'math', grade: 8, order: 12, title: '全等三角形', topics: ['全等三角形的性质', '三角形全等的判定', '角的平分线的性质'],
    objectives: [['knowledge', '掌握三角形全等的判定方法'], ['ability', '规范书写几何证明'], ['literacy', '发展逻辑推理素养']] },
  { subject: 'math', grade: 8, order: 14, title: '整式的乘法与因式分解', topics: ['整式的乘法', '乘法公式', '因式分解'],
    objectives: [['knowledge', '掌握平方差公式和完全平方公式'], ['ability', '会用提公因式法和公式法分解因式'], ['literacy', '体会整体思想和逆向思维']] },
  // ---- 英语
  { subject: 'english', grade: 3, order: 1, title: 'Unit 1 Hello!', topics: ['Hello / Goodbye', 'school things', 'introduce yourself'],
    objectives: [['knowledge', '掌握 ruler, pencil, eraser 等文具单词'], ['ability', '能用 Hello! I\'m... 进行自我介绍'], ['literacy', '了解英语国家的问候礼仪']] },
  { subject: 'english', grade: 3, order: 2, title: 'Unit 2 Colours', topics: ['colours', 'Good morning', 'Nice to meet you'],
    objectives: [['knowledge', '掌握 red, green, yellow, blue 等颜色单词'], ['ability', '能用 I see... 描述颜色'], ['literacy', '感受色彩之美']] },
  { subject: 'english', grade: 3, order: 3, title: 'Unit 3 Look at me!', topics: ['body parts', 'How are you?', 'Let\'s go to school'],
    objectives: [['knowledge', '掌握 face, ear, eye, nose, mouth 等身体部位单词'], ['ability', '能听懂并发出简单指令'], ['literacy', '养成讲卫生的好习惯']] },
  { subject: 'english', grade: 5, order: 1, title: 'Unit 1 What\'s he like?', topics: ['describing people', 'teachers', 'Is she strict?'],
    objectives: [['knowledge', '掌握 old, young, funny, kind, strict 等形容词'], ['ability', '能描述人物的外貌和性格'], ['literacy', '尊敬师长，学会欣赏他人']] },
  { subject: 'english', grade: 5, order: 2, title: 'Unit 2 My week', topics: ['days of the week', 'What do you have on Mondays?', 'weekend activities'],
    objectives: [['knowledge', '掌握一周七天的单词'], ['ability', '能询问和回答课程安排'], ['literacy', '合理安排时间，劳逸结合']] },
  { subject: 'english', grade: 5, order: 3, title: 'Unit 3 What would you like?', topics: ['food and drinks', 'What would you like to eat?', 'healthy food'],
    objectives: [['knowledge', '掌握 sandwich, salad, hamburger 等食物单词'], ['ability', '能用 I\'d like... 点餐'], ['literacy', '养成健康的饮食习惯']] },
  { subject: 'english', grade: 8, order: 1, title: 'Unit 1 Where did you go on vacation?', topics: ['past tense', 'vacation diary', 'indefinite pronouns'],
    objectives: [['knowledge', '掌握一般过去时和不定代词的用法'], ['ability', '能用英语记叙假期经历'], ['literacy', '开阔视野，了解不同地方的文化']] },
  { subject: 'english', grade: 8, order: 2, title: 'Unit 2 How often do you exercise?', topics: ['adverbs of frequency', 'healthy habits', 'survey report'],
    objectives: [['knowledge', '掌握频度副词和 how often 句型'], ['ability', '能调查并报告同学的生活习惯'], ['literacy', '树立健康生活的意识']] },
  { subject: 'english', grade: 8, order: 3, title: 'Unit 3 I\'m more outgoing than my sister.', topics: ['comparatives', 'friends', 'A good friend is...'],
    objectives: [['knowledge', '掌握形容词、副词比较级的构成与用法'], ['ability', '能比较人物的异同'], ['literacy', '正确看待自己与他人的差异，珍惜友谊']] },
];
