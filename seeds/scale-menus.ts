import { AssignmentShape, itemProblems, PlannedItem, subjectLoadOf } from '../src/modules/assignment/assignment.policy';
import { HomeworkForm, Tier } from '../src/modules/bank/bank.enums';
import { DayKind } from '../src/modules/load/load.entity';
import { checkDailyLoad, loadCapFor, SubjectLoad } from '../src/modules/load/load.policy';
import { minutesFor, TEMPLATES } from './bank-templates';
import { BankSubject } from './scale-bank';

/**
 * The daily tiered menus teachers of the scale schools compose from their unit's items, by
 * template index into seeds/bank-templates.ts (the same index in every subject is a different
 * task; see the templates). Teachers rotate between a few menus so a unit's margin of items gets
 * used. Grades 1–2 get no written homework at home: reading, oral and hands-on tasks, plus an
 * in-class written check (at_home false) on some days.
 */
export interface MenuItem {
  template: number;
  atHome: boolean;
}

export interface MenuOption {
  key: string;
  name: string;
  items: MenuItem[];
}

export interface Menu {
  shape: AssignmentShape;
  options: MenuOption[];
}

const home = (...templates: number[]): MenuItem[] => templates.map((template) => ({ template, atHome: true }));
const inClass = (template: number): MenuItem => ({ template, atHome: false });

const A = (items: MenuItem[]): MenuOption => ({ key: 'A', name: 'A 套餐·基础', items });
const B = (items: MenuItem[]): MenuOption => ({ key: 'B', name: 'B 套餐·提高', items });
const C = (items: MenuItem[]): MenuOption => ({ key: 'C', name: 'C 套餐·拓展', items });
const packages = (...options: MenuOption[]): Menu => ({ shape: AssignmentShape.PACKAGES, options });

/** 三三三: part 1 basic (required), part 2 extending and part 3 divergent (optional). */
const threePart = (basic: MenuItem[], extending: MenuItem[], divergent: MenuItem[]): Menu => ({
  shape: AssignmentShape.THREE_PART,
  options: [
    { key: '1', name: '基础作业', items: basic },
    { key: '2', name: '拓展作业', items: extending },
    { key: '3', name: '发散作业', items: divergent },
  ],
});

function mathMenus(basics: MenuItem[][], extendings: number[], divergents: number[]): Menu[] {
  const menus: Menu[] = [];
  basics.forEach((basic, i) => extendings.forEach((e, j) => menus.push(threePart(basic, home(e), home(divergents[(i + j) % divergents.length])))));
  return menus;
}

const UPPER: Record<BankSubject, Menu[]> = {
  chinese: [
    packages(A(home(1, 0)), B(home(3, 4))),
    packages(A(home(9, 2)), B(home(1, 5)), C(home(1, 8))),
    packages(A(home(0, 2)), B(home(4, 7))),
  ],
  math: mathMenus([home(0), home(2), [...home(0), inClass(9)]], [3, 4, 5], [6, 7, 8]),
  english: [
    packages(A(home(1, 0)), B(home(3, 5))),
    packages(A(home(0, 2)), B(home(4, 1)), C(home(3, 6))),
    packages(A([...home(2), inClass(9)]), B(home(5, 3))),
  ],
};

const LOWER: Record<BankSubject, Menu[]> = {
  chinese: [
    packages(A(home(0)), B(home(0, 5))),
    packages(A(home(2)), B(home(2, 7))),
    packages(A([...home(0), inClass(9)]), B([...home(4), inClass(9)])),
  ],
  math: mathMenus([home(1), [...home(1), inClass(9)]], [5, 4], [6, 7]),
  english: [],
};

/** Subjects with daily homework: 语文 and 数学 in grades 1–2, also 英语 from grade 3. */
export function homeworkSubjects(grade: number): BankSubject[] {
  return grade <= 2 ? ['chinese', 'math'] : ['chinese', 'math', 'english'];
}

export function menusFor(subject: BankSubject, grade: number): Menu[] {
  return (grade <= 2 ? LOWER : UPPER)[subject];
}

export function plannedItems(subject: BankSubject, grade: number, menu: Menu): PlannedItem[] {
  return menu.options.flatMap((o) => o.items.map((i) => {
    const tpl = TEMPLATES[subject][i.template];
    return { optionKey: o.key, predictedMinutes: minutesFor(tpl, grade), form: tpl.form as HomeworkForm, atHome: i.atHome };
  }));
}

/**
 * Checks with the service's own policies that any combination of the grade's menus is legal:
 * no item breaks a rule for the grade, and a student who takes the heaviest choice in every
 * subject on the heaviest day stays within the national written cap. Throws otherwise.
 */
export function assertMenusWithinRules(grade: number): void {
  const heaviest: SubjectLoad[] = [];
  for (const subject of homeworkSubjects(grade)) {
    let worst: SubjectLoad = { subjectId: subject, lightestWrittenMinutes: 0, heaviestWrittenMinutes: 0, lightestAllFormsMinutes: 0, heaviestAllFormsMinutes: 0 };
    for (const menu of menusFor(subject, grade)) {
      for (const o of menu.options) for (const i of o.items) {
        const tpl = TEMPLATES[subject][i.template];
        const problems = itemProblems({ title: tpl.title('…'), form: tpl.form as HomeworkForm, atHome: i.atHome, approved: true, retired: false,
          needsPhone: false, needsParent: false, repetitive: false, tier: tpl.tier as Tier, grades: [grade] }, grade, { shape: menu.shape, optionKey: o.key });
        if (problems.length) throw new Error(`grade ${grade} ${subject}: ${problems.map((p) => p.rule).join('; ')}`);
      }
      const load = subjectLoadOf(subject, menu.shape, menu.options, plannedItems(subject, grade, menu));
      if (load.heaviestWrittenMinutes >= worst.heaviestWrittenMinutes) worst = load;
    }
    heaviest.push(worst);
  }
  const [first, ...rest] = heaviest;
  const check = checkDailyLoad(rest, first, loadCapFor([], grade, DayKind.SCHOOL_DAY));
  if (!check.fits) throw new Error(`grade ${grade}: heaviest written homework ${check.totalMinutes} min exceeds the cap of ${check.capMinutes} min`);
}
