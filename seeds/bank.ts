import { EntityManager } from 'typeorm';
import { normalizeText, searchGrams } from '../src/modules/bank/bank.policy';
import { UNITS, VOLUMES } from './bank-content';
import { minutesFor, TEMPLATES } from './bank-templates';
import { seedId } from './ids';
import { insertRows, SchoolFixture } from './school-fixture';

/**
 * The demo bank: for 语文, 数学 and 英语 of grades 3, 5 and 8, three units each with their
 * objectives and thirty approved items per unit across all tiers and several forms. Each item
 * is written by a member of the group and approved by its lead (or by the academic office
 * when the lead wrote it).
 */
export async function insertDemoBank(tx: EntityManager, f: SchoolFixture): Promise<number> {
  const s = f.schoolId;
  const id = (...parts: (string | number)[]) => seedId(f.spec.code, 'bank', ...parts);
  const term = f.terms.find((t) => t.academicYear === '2026-2027' && t.termNo === 1)!;
  const office = f.users.find((u) => u.username === 'jiaowu')!;
  const units: unknown[][] = [];
  const objectives: unknown[][] = [];
  const items: unknown[][] = [];
  const versions: unknown[][] = [];
  const links: unknown[][] = [];

  for (const u of UNITS) {
    const subject = f.subjects.find((x) => x.code === u.subject);
    const group = f.groups.find((g) => g.grade === u.grade && g.subjectId === subject?.id);
    if (!subject || !group) continue;
    const unitId = id('unit', u.subject, u.grade, u.order);
    units.push([s, unitId, subject.id, u.grade, term.id, VOLUMES[u.grade], u.order, u.title]);
    const objectiveIds = u.objectives.map(([kind, description], i) => {
      const oid = id('objective', unitId, i);
      objectives.push([s, oid, unitId, kind, description, i + 1]);
      return oid;
    });
    const author = group.memberIds[group.memberIds.length - 1];
    const reviewer = author === group.leadId ? office.id : group.leadId;
    TEMPLATES[u.subject].forEach((tpl, ti) => {
      u.topics.forEach((topic, pi) => {
        const itemId = id('item', unitId, ti, pi);
        const title = tpl.title(topic);
        const body = tpl.body(topic, u);
        const minutes = minutesFor(tpl, u.grade);
        const text = `${title} ${body}`;
        items.push([s, itemId, unitId, subject.id, u.grade, author, 'approved', 3, 1, 1, reviewer, title, tpl.tier, tpl.form,
          minutes, normalizeText(text), searchGrams(text)]);
        versions.push([s, itemId, 1, title, body, tpl.guide(topic), tpl.tier, tpl.form, minutes, tpl.difficulty, ...tpl.tags,
          tpl.provenance, tpl.provenance === 'selected' ? `选编自${VOLUMES[u.grade]}教材` : null, !!tpl.composition, author, new Date()]);
        links.push([s, itemId, 1, objectiveIds[tpl.objective]]);
      });
    });
  }

  await insertBankRows(tx, { units, objectives, items, versions, links });
  return items.length;
}

/** Rows of approved bank content, in the column order of `insertBankRows`. */
export interface BankRows {
  units: unknown[][];
  objectives: unknown[][];
  items: unknown[][];
  versions: unknown[][];
  links: unknown[][];
}

/** Inserts units, objectives, approved items, their first versions and objective links. */
export async function insertBankRows(tx: EntityManager, { units, objectives, items, versions, links }: BankRows): Promise<void> {
  await insertRows(tx, 'units', ['school_id', 'id', 'subject_id', 'grade', 'term_id', 'volume', 'sort_order', 'title'], units);
  await insertRows(tx, 'unit_objectives', ['school_id', 'id', 'unit_id', 'kind', 'description', 'sort_order'], objectives);
  await insertRows(tx, 'bank_items', ['school_id', 'id', 'unit_id', 'subject_id', 'grade', 'author_id', 'status', 'revision', 'version_no',
    'approved_version_no', 'reviewed_by', 'title', 'tier', 'form', 'predicted_minutes', 'search_text', 'search_grams'], items);
  await insertRows(tx, 'bank_item_versions', ['school_id', 'item_id', 'version_no', 'title', 'body', 'answer_guide', 'tier', 'form',
    'predicted_minutes', 'difficulty', 'routine_or_stage', 'prescribed_or_self', 'knowledge_or_fun', 'practical_or_humanistic',
    'provenance', 'source_note', 'composition', 'edited_by', 'approved_at'], versions);
  await insertRows(tx, 'bank_item_objectives', ['school_id', 'item_id', 'version_no', 'objective_id'], links);
}
