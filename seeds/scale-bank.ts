import { EntityManager } from 'typeorm';
import { gradeName } from '../src/modules/school/school.policy';
import { normalizeText, searchGrams } from '../src/modules/bank/bank.policy';
import { UnitSeed } from './bank-content';
import { ItemTemplate, minutesFor, TEMPLATES } from './bank-templates';
import { seedId } from './ids';
import { TermRow } from './scale-calendar';
import { ScaleUnit, unitsOf } from './scale-content';
import { insertBankRows } from './bank';
import { SchoolFixture } from './school-fixture';

/**
 * The scale seed's homework bank: for each research group of 语文, 数学 and 英语 and each term
 * of the run, the group's units with their objectives and, per unit, every item template
 * written once per lesson (thirty approved items a unit across the tiers and forms), the way
 * seeds/bank.ts builds the demo bank. Other subjects have no item templates and no bank.
 */
export const BANK_SUBJECTS = ['chinese', 'math', 'english'] as const;
export type BankSubject = (typeof BANK_SUBJECTS)[number];

export interface BankUnit {
  id: string;
  unit: ScaleUnit;
}

export const unitIdOf = (code: string, termId: string, subject: string, grade: number, order: number) =>
  seedId(code, 'bank', 'unit', termId, subject, grade, order);

export const itemIdOf = (code: string, unitId: string, templateIndex: number, topicIndex: number) =>
  seedId(code, 'bank', 'item', unitId, templateIndex, topicIndex);

/** The bank units of a group in a term, in teaching order. */
export function bankUnits(code: string, term: TermRow, subject: BankSubject, grade: number): BankUnit[] {
  return unitsOf(subject, grade, term.termNo).map((unit) => ({ id: unitIdOf(code, term.id, subject, grade, unit.order), unit }));
}

/** Writes the bank of every group for the given terms; existing rows are kept. */
export async function insertScaleBank(tx: EntityManager, f: SchoolFixture, terms: TermRow[]): Promise<void> {
  const s = f.schoolId;
  const code = f.spec.code;
  const office = f.users.find((u) => u.username === 'jiaowu')!;
  const units: unknown[][] = [];
  const objectives: unknown[][] = [];
  const items: unknown[][] = [];
  const versions: unknown[][] = [];
  const links: unknown[][] = [];

  for (const term of terms) {
    // Items are written and approved in the week before term starts.
    const approvedAt = new Date(`${term.startsOn}T10:00:00+08:00`);
    approvedAt.setUTCDate(approvedAt.getUTCDate() - 7);
    for (const group of f.groups) {
      const subject = f.subjects.find((x) => x.id === group.subjectId)!;
      if (!(BANK_SUBJECTS as readonly string[]).includes(subject.code)) continue;
      const author = group.memberIds[group.memberIds.length - 1];
      const reviewer = author === group.leadId ? office.id : group.leadId;
      const volume = `${gradeName(group.grade)}${term.termNo === 1 ? '上册' : '下册'}`;
      for (const { id: unitId, unit } of bankUnits(code, term, subject.code as BankSubject, group.grade)) {
        units.push([s, unitId, subject.id, group.grade, term.id, volume, unit.order, unit.title]);
        const objectiveIds = unit.objectives.map(([kind, description], i) => {
          const oid = seedId(code, 'bank', 'objective', unitId, i);
          objectives.push([s, oid, unitId, kind, description, i + 1]);
          return oid;
        });
        TEMPLATES[unit.subject].forEach((tpl: ItemTemplate, ti) => {
          unit.topics.forEach((topic, pi) => {
            const itemId = itemIdOf(code, unitId, ti, pi);
            const title = tpl.title(topic);
            // The demo's UnitSeed narrows grades to 3, 5 and 8; the templates read only the topic.
            const body = tpl.body(topic, unit as unknown as UnitSeed);
            const minutes = minutesFor(tpl, group.grade);
            const text = `${title} ${body}`;
            items.push([s, itemId, unitId, subject.id, group.grade, author, 'approved', 3, 1, 1, reviewer, title, tpl.tier, tpl.form,
              minutes, normalizeText(text), searchGrams(text)]);
            versions.push([s, itemId, 1, title, body, tpl.guide(topic), tpl.tier, tpl.form, minutes, tpl.difficulty, ...tpl.tags,
              tpl.provenance, tpl.provenance === 'selected' ? `选编自${volume}教材` : null, !!tpl.composition, author, approvedAt]);
            links.push([s, itemId, 1, objectiveIds[tpl.objective]]);
          });
        });
      }
    }
  }

  await insertBankRows(tx, { units, objectives, items, versions, links });
}
