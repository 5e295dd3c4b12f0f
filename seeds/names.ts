import { prng } from './ids';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '子涵欣怡梓萱一诺浩然宇轩思远雨桐若曦俊杰嘉怡梓轩诗涵天佑晨阳佳琪明哲可馨皓轩雅琪博文语嫣睿泽沐辰依诺锦程书瑶铭泽心怡子墨思彤奕辰雨泽安然乐瑶瑾萱靖宇昊然紫涵志远婉清承宇梦琪';
const GIVEN_CHARS = [...GIVEN].filter((c) => /[\u4e00-\u9fff]/.test(c));

/** Deterministic realistic Chinese names. */
export class NameGenerator {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = prng(seed);
  }

  surname(): string {
    return SURNAMES[Math.floor(this.random() * SURNAMES.length)];
  }

  givenName(): string {
    const pick = () => GIVEN_CHARS[Math.floor(this.random() * GIVEN_CHARS.length)];
    return this.random() < 0.3 ? pick() : pick() + pick();
  }

  fullName(surname = this.surname()): string {
    return surname + this.givenName();
  }

  chance(p: number): boolean {
    return this.random() < p;
  }
}
