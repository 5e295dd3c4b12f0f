import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unit homework bank: units with their objectives, tiered items with immutable approved
 * versions, and the weekly subject homework lists research groups file.
 *
 * Search: `bank_items` keeps the working version's searchable fields; `search_grams` holds the
 * character unigrams and bigrams of title and body (Chinese has no spaces, so words cannot be
 * split out) under a GIN index, and the exact substring is re-checked on the candidates.
 */
export class HomeworkBank1763942400000 implements MigrationInterface {
  name = 'HomeworkBank1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE units (
        school_id   uuid NOT NULL,
        id          uuid NOT NULL,
        subject_id  uuid NOT NULL,
        grade       smallint NOT NULL CHECK (grade BETWEEN 1 AND 9),
        term_id     uuid NOT NULL,
        volume      text NOT NULL CHECK (length(volume) BETWEEN 1 AND 40),
        sort_order  smallint NOT NULL CHECK (sort_order BETWEEN 1 AND 99),
        title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        revision    integer NOT NULL DEFAULT 1,
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, subject_id, grade, term_id, sort_order),
        FOREIGN KEY (school_id, subject_id) REFERENCES subjects (school_id, id),
        FOREIGN KEY (school_id, term_id) REFERENCES terms (school_id, id)
      )`);

    await q.query(`
      CREATE TABLE unit_objectives (
        school_id    uuid NOT NULL,
        id           uuid NOT NULL,
        unit_id      uuid NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('knowledge', 'ability', 'literacy')),
        description  text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
        sort_order   smallint NOT NULL,
        PRIMARY KEY (school_id, id),
        FOREIGN KEY (school_id, unit_id) REFERENCES units (school_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX unit_objectives_unit_idx ON unit_objectives (school_id, unit_id)`);

    await q.query(`
      CREATE TABLE bank_items (
        school_id            uuid NOT NULL,
        id                   uuid NOT NULL,
        unit_id              uuid NOT NULL,
        subject_id           uuid NOT NULL,
        grade                smallint NOT NULL,
        author_id            uuid NOT NULL,
        status               text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned', 'retired')),
        revision             integer NOT NULL DEFAULT 1,
        version_no           integer NOT NULL DEFAULT 1,
        approved_version_no  integer,
        review_comment       text,
        reviewed_by          uuid,
        title                text NOT NULL,
        tier                 text NOT NULL,
        form                 text NOT NULL,
        predicted_minutes    smallint NOT NULL,
        search_text          text NOT NULL,
        search_grams         text[] NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id),
        FOREIGN KEY (school_id, unit_id) REFERENCES units (school_id, id),
        FOREIGN KEY (school_id, author_id) REFERENCES users (school_id, id),
        CHECK (approved_version_no IS NULL OR approved_version_no <= version_no)
      )`);
    await q.query(`CREATE INDEX bank_items_grams_idx ON bank_items USING gin (search_grams)`);
    await q.query(`CREATE INDEX bank_items_list_idx ON bank_items (school_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX bank_items_unit_idx ON bank_items (school_id, unit_id, tier)`);
    await q.query(`CREATE INDEX bank_items_subject_grade_idx ON bank_items (school_id, subject_id, grade, status)`);
    await q.query(`CREATE INDEX bank_items_author_idx ON bank_items (school_id, author_id)`);

    await q.query(`
      CREATE TABLE bank_item_versions (
        school_id               uuid NOT NULL,
        item_id                 uuid NOT NULL,
        version_no              integer NOT NULL,
        title                   text NOT NULL,
        body                    text NOT NULL,
        answer_guide            text NOT NULL,
        tier                    text NOT NULL CHECK (tier IN ('basic', 'improving', 'extending')),
        form                    text NOT NULL CHECK (form IN ('written', 'oral', 'reading', 'practical', 'inquiry', 'fun', 'individual')),
        predicted_minutes       smallint NOT NULL CHECK (predicted_minutes BETWEEN 1 AND 120),
        difficulty              smallint NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
        beyond_standard         boolean NOT NULL DEFAULT false,
        routine_or_stage        text NOT NULL CHECK (routine_or_stage IN ('routine', 'stage')),
        prescribed_or_self      text NOT NULL CHECK (prescribed_or_self IN ('prescribed', 'self_chosen')),
        knowledge_or_fun        text NOT NULL CHECK (knowledge_or_fun IN ('knowledge', 'fun')),
        practical_or_humanistic text NOT NULL CHECK (practical_or_humanistic IN ('practical', 'humanistic')),
        provenance              text NOT NULL CHECK (provenance IN ('selected', 'adapted', 'created')),
        source_item_id          uuid,
        source_version_no       integer,
        source_note             text,
        needs_parent            boolean NOT NULL DEFAULT false,
        needs_phone             boolean NOT NULL DEFAULT false,
        repetitive              boolean NOT NULL DEFAULT false,
        edited_by               uuid NOT NULL,
        approved_at             timestamptz,
        created_at              timestamptz NOT NULL DEFAULT now(),
        updated_at              timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, item_id, version_no),
        FOREIGN KEY (school_id, item_id) REFERENCES bank_items (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, source_item_id, source_version_no)
          REFERENCES bank_item_versions (school_id, item_id, version_no),
        FOREIGN KEY (school_id, edited_by) REFERENCES users (school_id, id),
        CHECK ((provenance = 'adapted') = (source_item_id IS NOT NULL))
      )`);

    await q.query(`
      CREATE TABLE bank_item_objectives (
        school_id     uuid NOT NULL,
        item_id       uuid NOT NULL,
        version_no    integer NOT NULL,
        objective_id  uuid NOT NULL,
        PRIMARY KEY (school_id, item_id, version_no, objective_id),
        FOREIGN KEY (school_id, item_id, version_no) REFERENCES bank_item_versions (school_id, item_id, version_no) ON DELETE CASCADE,
        FOREIGN KEY (school_id, objective_id) REFERENCES unit_objectives (school_id, id)
      )`);
    await q.query(`CREATE INDEX bank_item_objectives_objective_idx ON bank_item_objectives (school_id, objective_id)`);

    await q.query(`
      CREATE TABLE weekly_lists (
        school_id    uuid NOT NULL,
        id           uuid NOT NULL,
        group_id     uuid NOT NULL,
        week_start   date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
        status       text NOT NULL CHECK (status IN ('draft', 'filed')),
        revision     integer NOT NULL DEFAULT 1,
        filed_at     timestamptz,
        filed_by     uuid,
        updated_by   uuid NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, id),
        UNIQUE (school_id, group_id, week_start),
        FOREIGN KEY (school_id, group_id) REFERENCES research_groups (school_id, id)
      )`);
    await q.query(`
      CREATE TABLE weekly_list_entries (
        school_id          uuid NOT NULL,
        id                 uuid NOT NULL,
        list_id            uuid NOT NULL,
        day                date NOT NULL,
        sort_order         smallint NOT NULL,
        unit_id            uuid NOT NULL,
        item_id            uuid,
        version_no         integer,
        description        text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
        form               text NOT NULL CHECK (form IN ('written', 'oral', 'reading', 'practical', 'inquiry', 'fun', 'individual')),
        predicted_minutes  smallint NOT NULL CHECK (predicted_minutes BETWEEN 1 AND 120),
        PRIMARY KEY (school_id, id),
        FOREIGN KEY (school_id, list_id) REFERENCES weekly_lists (school_id, id) ON DELETE CASCADE,
        FOREIGN KEY (school_id, unit_id) REFERENCES units (school_id, id),
        FOREIGN KEY (school_id, item_id, version_no) REFERENCES bank_item_versions (school_id, item_id, version_no)
      )`);
    await q.query(`CREATE INDEX weekly_list_entries_list_idx ON weekly_list_entries (school_id, list_id, day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE weekly_list_entries`);
    await q.query(`DROP TABLE weekly_lists`);
    await q.query(`DROP TABLE bank_item_objectives`);
    await q.query(`DROP TABLE bank_item_versions`);
    await q.query(`DROP TABLE bank_items`);
    await q.query(`DROP TABLE unit_objectives`);
    await q.query(`DROP TABLE units`);
  }
}
