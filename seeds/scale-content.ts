import { ObjectiveSeed, UNITS, UnitSeed } from './bank-content';

/**
 * Units for the scale seed's banks: every grade's 语文 (统编版), 数学 (人教版) and 英语 (人教版 PEP in
 * primary, 新目标 in junior; none in grades 1–2), three units a term. The demo's units (grades 3,
 * 5 and 8, first term) are reused as they are; the others are real textbook units with three
 * lessons each, and objectives phrased from the unit.
 */
export interface ScaleUnit {
  subject: UnitSeed['subject'];
  grade: number;
  /** 1 = 上册 (autumn term), 2 = 下册 (spring term). */
  termNo: 1 | 2;
  order: number;
  title: string;
  objectives: ObjectiveSeed[];
  topics: string[];
}

type Row = [UnitSeed['subject'], number, 1 | 2, number, string, string];

const ROWS: Row[] = [
  // ---- 语文
  ['chinese', 1, 1, 1, '识字（一）', '天地人|金木水火土|口耳目'],
  ['chinese', 1, 1, 2, '汉语拼音（一）', 'a o e|b p m f|d t n l'],
  ['chinese', 1, 1, 4, '课文（一）', '秋天|小小的船|江南'],
  ['chinese', 1, 2, 1, '识字（一）', '春夏秋冬|姓氏歌|小青蛙'],
  ['chinese', 1, 2, 2, '课文（一）', '吃水不忘挖井人|我多想去看看|一个接一个'],
  ['chinese', 1, 2, 3, '课文（二）', '小公鸡和小鸭子|树和喜鹊|怎么都快乐'],
  ['chinese', 2, 1, 1, '第一单元 大自然的秘密', '小蝌蚪找妈妈|我是什么|植物妈妈有办法'],
  ['chinese', 2, 1, 2, '第二单元 识字', '场景歌|树之歌|拍手歌'],
  ['chinese', 2, 1, 3, '第三单元 儿童生活', '曹冲称象|玲玲的画|一封信'],
  ['chinese', 2, 2, 1, '第一单元 春天', '古诗二首|找春天|开满鲜花的小路'],
  ['chinese', 2, 2, 2, '第二单元 关爱', '雷锋叔叔，你在哪里|千人糕|一匹出色的马'],
  ['chinese', 2, 2, 3, '第三单元 传统文化', '神州谣|传统节日|“贝”的故事'],
  ['chinese', 3, 2, 1, '第一单元 可爱的生灵', '古诗三首|燕子|荷花'],
  ['chinese', 3, 2, 2, '第二单元 寓言故事', '守株待兔|陶罐和铁罐|鹿角和鹿腿'],
  ['chinese', 3, 2, 3, '第三单元 传统文化', '古诗三首|纸的发明|赵州桥'],
  ['chinese', 4, 1, 1, '第一单元 自然之美', '观潮|走月亮|现代诗二首'],
  ['chinese', 4, 1, 2, '第二单元 提问', '一个豆荚里的五粒豆|蝙蝠和雷达|呼风唤雨的世纪'],
  ['chinese', 4, 1, 3, '第三单元 连续细致的观察', '古诗三首|爬山虎的脚|蟋蟀的住宅'],
  ['chinese', 4, 2, 1, '第一单元 乡村生活', '古诗词三首|乡下人家|天窗'],
  ['chinese', 4, 2, 2, '第二单元 科普', '琥珀|飞向蓝天的恐龙|纳米技术就在我们身边'],
  ['chinese', 4, 2, 3, '第三单元 现代诗', '短诗三首|绿|白桦'],
  ['chinese', 5, 2, 1, '第一单元 童年往事', '古诗三首|祖父的园子|月是故乡明'],
  ['chinese', 5, 2, 2, '第二单元 古典名著', '草船借箭|景阳冈|猴王出世'],
  ['chinese', 5, 2, 4, '第四单元 家国情怀', '古诗三首|青山处处埋忠骨|军神'],
  ['chinese', 6, 1, 1, '第一单元 触摸自然', '草原|丁香结|古诗词三首'],
  ['chinese', 6, 1, 2, '第二单元 革命岁月', '七律·长征|狼牙山五壮士|开国大典'],
  ['chinese', 6, 1, 3, '第三单元 有目的地阅读', '竹节人|宇宙生命之谜|故宫博物院'],
  ['chinese', 6, 2, 1, '第一单元 民风民俗', '北京的春节|腊八粥|古诗三首'],
  ['chinese', 6, 2, 2, '第二单元 外国文学名著', '鲁滨逊漂流记|骑鹅旅行记|汤姆·索亚历险记'],
  ['chinese', 6, 2, 3, '第三单元 真情流露', '匆匆|那个星期天|别了，语文课'],
  ['chinese', 7, 1, 1, '第一单元 四季美景', '春|济南的冬天|雨的四季'],
  ['chinese', 7, 1, 2, '第二单元 亲情', '秋天的怀念|散步|散文诗二首'],
  ['chinese', 7, 1, 3, '第三单元 学习生活', '从百草园到三味书屋|再塑生命的人|论语十二章'],
  ['chinese', 7, 2, 1, '第一单元 群星闪耀', '邓稼先|说和做|回忆鲁迅先生'],
  ['chinese', 7, 2, 2, '第二单元 家国情怀', '黄河颂|老山界|土地的誓言'],
  ['chinese', 7, 2, 3, '第三单元 凡人小事', '阿长与《山海经》|老王|卖油翁'],
  ['chinese', 8, 2, 1, '第一单元 民俗', '社戏|回延安|安塞腰鼓'],
  ['chinese', 8, 2, 2, '第二单元 事理说明文', '大自然的语言|阿西莫夫短文两篇|恐龙无处不有'],
  ['chinese', 8, 2, 3, '第三单元 古代诗文', '桃花源记|小石潭记|核舟记'],
  ['chinese', 9, 1, 1, '第一单元 诗歌', '沁园春·雪|我爱这土地|乡愁'],
  ['chinese', 9, 1, 2, '第二单元 议论文', '敬业与乐业|论教养|精神的三间小屋'],
  ['chinese', 9, 1, 3, '第三单元 古诗文', '岳阳楼记|醉翁亭记|湖心亭看雪'],
  ['chinese', 9, 2, 1, '第一单元 现代诗歌', '祖国啊，我亲爱的祖国|梅岭三章|短诗五首'],
  ['chinese', 9, 2, 2, '第二单元 小说', '孔乙己|变色龙|蒲柳人家'],
  ['chinese', 9, 2, 3, '第三单元 古代诗文', '鱼我所欲也|唐雎不辱使命|送东阳马生序'],
  // ---- 数学
  ['math', 1, 1, 3, '1～5的认识和加减法', '1～5的认识|加法|减法'],
  ['math', 1, 1, 4, '认识图形（一）', '认识立体图形|拼一拼|搭一搭'],
  ['math', 1, 1, 5, '6～10的认识和加减法', '6和7|8和9|10'],
  ['math', 1, 2, 1, '认识图形（二）', '认识平面图形|图形的拼组|七巧板'],
  ['math', 1, 2, 2, '20以内的退位减法', '十几减9|十几减8、7、6|十几减5、4、3、2'],
  ['math', 1, 2, 4, '100以内数的认识', '数数、数的组成|数的顺序、比较大小|整十数加一位数及相应的减法'],
  ['math', 2, 1, 1, '长度单位', '认识厘米|认识米|认识线段'],
  ['math', 2, 1, 2, '100以内的加法和减法（二）', '两位数加两位数|两位数减两位数|连加、连减和加减混合'],
  ['math', 2, 1, 4, '表内乘法（一）', '乘法的初步认识|5的乘法口诀|2、3、4的乘法口诀'],
  ['math', 2, 2, 1, '数据收集整理', '收集数据|整理数据|简单统计表'],
  ['math', 2, 2, 2, '表内除法（一）', '平均分|除法的初步认识|用2～6的乘法口诀求商'],
  ['math', 2, 2, 5, '混合运算', '同级运算|没有括号的两级运算|有括号的混合运算'],
  ['math', 3, 2, 1, '位置与方向（一）', '认识东南西北|认识东北、西北、东南、西南|看简单的路线图'],
  ['math', 3, 2, 2, '除数是一位数的除法', '口算除法|笔算除法|商中间或末尾有0的除法'],
  ['math', 3, 2, 5, '面积', '面积和面积单位|长方形、正方形面积的计算|面积单位间的进率'],
  ['math', 4, 1, 1, '大数的认识', '亿以内数的认识|亿以内数的读法和写法|用“万”作单位改写数'],
  ['math', 4, 1, 3, '角的度量', '线段、直线、射线|角的度量|角的分类'],
  ['math', 4, 1, 4, '三位数乘两位数', '口算乘法|笔算乘法|积的变化规律'],
  ['math', 4, 2, 1, '四则运算', '加、减法的意义|乘、除法的意义|括号'],
  ['math', 4, 2, 3, '运算律', '加法运算定律|乘法运算定律|简便计算'],
  ['math', 4, 2, 4, '小数的意义和性质', '小数的意义|小数的性质|小数点移动引起小数大小的变化'],
  ['math', 5, 2, 2, '因数与倍数', '因数和倍数|2、5、3的倍数的特征|质数和合数'],
  ['math', 5, 2, 3, '长方体和正方体', '长方体和正方体的认识|长方体和正方体的表面积|长方体和正方体的体积'],
  ['math', 5, 2, 4, '分数的意义和性质', '分数的意义|真分数和假分数|约分和通分'],
  ['math', 6, 1, 1, '分数乘法', '分数乘整数|分数乘分数|分数乘法的应用'],
  ['math', 6, 1, 3, '分数除法', '倒数的认识|分数除法|分数除法的应用'],
  ['math', 6, 1, 5, '圆', '圆的认识|圆的周长|圆的面积'],
  ['math', 6, 2, 1, '负数', '负数的认识|负数的读写|数轴'],
  ['math', 6, 2, 2, '百分数（二）', '折扣|成数|利率'],
  ['math', 6, 2, 3, '圆柱与圆锥', '圆柱的表面积|圆柱的体积|圆锥的体积'],
  ['math', 7, 1, 1, '有理数', '正数和负数|数轴|绝对值'],
  ['math', 7, 1, 2, '有理数的运算', '有理数的加法|有理数的减法|有理数的乘除法'],
  ['math', 7, 1, 3, '一元一次方程', '从算式到方程|解一元一次方程|实际问题与一元一次方程'],
  ['math', 7, 2, 5, '相交线与平行线', '相交线|平行线及其判定|平行线的性质'],
  ['math', 7, 2, 6, '实数', '平方根|立方根|实数'],
  ['math', 7, 2, 8, '二元一次方程组', '二元一次方程组|消元——解二元一次方程组|实际问题与二元一次方程组'],
  ['math', 8, 2, 16, '二次根式', '二次根式|二次根式的乘除|二次根式的加减'],
  ['math', 8, 2, 17, '勾股定理', '勾股定理|勾股定理的逆定理|勾股定理的应用'],
  ['math', 8, 2, 19, '一次函数', '函数|一次函数|用函数观点看方程与不等式'],
  ['math', 9, 1, 21, '一元二次方程', '配方法|公式法|因式分解法'],
  ['math', 9, 1, 22, '二次函数', '二次函数的图象和性质|二次函数与一元二次方程|实际问题与二次函数'],
  ['math', 9, 1, 24, '圆', '圆的有关性质|点和圆、直线和圆的位置关系|弧长和扇形面积'],
  ['math', 9, 2, 26, '反比例函数', '反比例函数的图象和性质|实际问题与反比例函数|反比例函数的应用'],
  ['math', 9, 2, 27, '相似', '图形的相似|相似三角形|位似'],
  ['math', 9, 2, 28, '锐角三角函数', '正弦|余弦和正切|解直角三角形'],
  // ---- 英语
  ['english', 3, 2, 1, 'Unit 1 Welcome back to school!', 'new friends|countries|Where are you from?'],
  ['english', 3, 2, 2, 'Unit 2 My family', 'family members|Who\'s that man?|Is she your mother?'],
  ['english', 3, 2, 3, 'Unit 3 At the zoo', 'animals|It\'s so big!|It has a long nose.'],
  ['english', 4, 1, 1, 'Unit 1 My classroom', 'classroom things|Let\'s clean the classroom|Where is it?'],
  ['english', 4, 1, 2, 'Unit 2 My schoolbag', 'my schoolbag|What colour is it?|lost and found'],
  ['english', 4, 1, 3, 'Unit 3 My friends', 'friends|He\'s tall and strong|Who is he?'],
  ['english', 4, 2, 1, 'Unit 1 My school', 'school places|Where\'s the library?|Is this the teachers\' office?'],
  ['english', 4, 2, 2, 'Unit 2 What time is it?', 'telling the time|It\'s time for lunch|daily routine'],
  ['english', 4, 2, 3, 'Unit 3 Weather', 'weather|Can I go outside?|What\'s the weather like?'],
  ['english', 5, 2, 1, 'Unit 1 My day', 'daily activities|When do you get up?|weekend plans'],
  ['english', 5, 2, 2, 'Unit 2 My favourite season', 'seasons|Why do you like spring?|season activities'],
  ['english', 5, 2, 3, 'Unit 3 My school calendar', 'months|school events|When is the party?'],
  ['english', 6, 1, 1, 'Unit 1 How can I get there?', 'places in town|Where is the museum shop?|asking the way'],
  ['english', 6, 1, 2, 'Unit 2 Ways to go to school', 'transport|How do you come to school?|traffic rules'],
  ['english', 6, 1, 3, 'Unit 3 My weekend plan', 'plans|What are you going to do?|Where are you going?'],
  ['english', 6, 2, 1, 'Unit 1 How tall are you?', 'comparing people|taller and stronger|How heavy are you?'],
  ['english', 6, 2, 2, 'Unit 2 Last weekend', 'past activities|What did you do?|weekend diary'],
  ['english', 6, 2, 3, 'Unit 3 Where did you go?', 'holidays|Where did you go?|How did you go there?'],
  ['english', 7, 1, 1, 'Unit 1 My name\'s Gina.', 'names|introducing friends|phone numbers'],
  ['english', 7, 1, 2, 'Unit 2 This is my sister.', 'family members|a family photo|Who are they?'],
  ['english', 7, 1, 3, 'Unit 3 Is this your pencil?', 'school things|lost and found|Whose is it?'],
  ['english', 7, 2, 1, 'Unit 1 Can you play the guitar?', 'abilities|school clubs|joining a club'],
  ['english', 7, 2, 2, 'Unit 2 What time do you go to school?', 'daily routines|telling the time|a healthy day'],
  ['english', 7, 2, 3, 'Unit 3 How do you get to school?', 'transport|How far is it?|crossing the river'],
  ['english', 8, 2, 1, 'Unit 1 What\'s the matter?', 'health problems|first aid|giving advice'],
  ['english', 8, 2, 2, 'Unit 2 I\'ll help to clean up the city parks.', 'volunteering|phrasal verbs|helping others'],
  ['english', 8, 2, 3, 'Unit 3 Could you please clean your room?', 'chores|polite requests|doing chores at home'],
  ['english', 9, 1, 1, 'Unit 1 How can we become good learners?', 'learning methods|by + doing|learning habits'],
  ['english', 9, 1, 2, 'Unit 2 I think that mooncakes are delicious!', 'festivals|exclamations|the Mid-Autumn Festival'],
  ['english', 9, 1, 3, 'Unit 3 Could you please tell me where the restrooms are?', 'asking for information|indirect questions|polite language'],
  ['english', 9, 2, 11, 'Unit 11 Sad movies make me cry.', 'feelings|make sb. do sth.|friendship stories'],
  ['english', 9, 2, 12, 'Unit 12 Life is full of the unexpected.', 'past perfect|unexpected events|a lucky escape'],
  ['english', 9, 2, 13, 'Unit 13 We\'re trying to save the earth!', 'the environment|recycling|protecting the earth'],
];

/** The unit's theme without its number: "第二单元 关爱" → "关爱". */
const theme = (title: string) => title.replace(/^第.单元\s*/, '').replace(/^Unit \d+\s*/, '');

function objectivesOf(subject: UnitSeed['subject'], title: string, [t0, t1, t2]: string[]): ObjectiveSeed[] {
  switch (subject) {
    case 'chinese':
      return [['knowledge', `认识《${t0}》等课的生字，积累本单元的好词好句`], ['ability', `读懂《${t1}》，能用自己的话说出主要内容`],
        ['literacy', `围绕“${theme(title)}”感受语言文字之美，养成阅读的习惯`]];
    case 'math':
      return [['knowledge', `理解“${theme(title)}”的基本概念和方法`], ['ability', `会用“${t1}”的方法解决简单的实际问题`],
        ['literacy', `在“${t2}”中体会数学与生活的联系`]];
    case 'english':
      return [['knowledge', `掌握与 ${t0} 有关的词汇和句型`], ['ability', `能围绕 ${t1} 进行简单的交流`],
        ['literacy', `通过 ${t2} 了解中外文化，乐于用英语表达`]];
  }
}

export const SCALE_UNITS: ScaleUnit[] = [
  ...UNITS.map((u) => ({ ...u, termNo: 1 as const })),
  ...ROWS.map(([subject, grade, termNo, order, title, topics]) => {
    const list = topics.split('|');
    return { subject, grade, termNo, order, title, topics: list, objectives: objectivesOf(subject, title, list) };
  }),
];

/** The units of one research group's bank for a term, in teaching order. */
export function unitsOf(subject: string, grade: number, termNo: number): ScaleUnit[] {
  return SCALE_UNITS.filter((u) => u.subject === subject && u.grade === grade && u.termNo === termNo).sort((a, b) => a.order - b.order);
}
