import { Pool } from 'pg';
import { startEmbeddedPostgres } from '../src/core/embedded-postgres';
import { LoadResult, summarise } from './load';

/**
 * The floor of the class-week overview: the same data the GraphQL query returns, built as
 * JSON by ONE hand-written SQL statement and read over node-postgres with the service's pool
 * size, at the same concurrencies. Run by bench/service.ts in a child process after the
 * service has stopped (the embedded database can be opened by one process only); it gets its
 * job as JSON in BENCH_FLOOR_JOB and sends its results over the IPC channel.
 */
export interface FloorJob {
  databaseUrl?: string;
  dataDir?: string;
  poolSize: number;
  schoolId: string;
  classId: string;
  from: string;
  to: string;
  /** Runs at these concurrencies at once; empty: wait for `{ type: 'run' }` messages (interleaved rounds, see bench/service.ts). */
  connections: number[];
  seconds: number;
  warmupSeconds: number;
}

/** One run on request, for interleaved rounds: answered with `{ type: 'ran', result }`. */
export interface FloorRun {
  type: 'run';
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface FloorResult {
  /** The JSON text of one answer, to compare with the service's. */
  sample: string;
  runs: LoadResult[];
}

/**
 * A class's assignments between two days, ordered as the service orders them (day, subject),
 * each with its subject, teacher, choices (packages: one per option; 三三三: levels A, B2, B3
 * and C over parts 1–3, as assignment.policy.ts defines them) and options with their items
 * and pinned content. Fields and nesting follow CLASS_WEEK in bench/operations.ts.
 */
export const CLASS_WEEK_FLOOR_SQL = `
SELECT coalesce(json_agg(json_build_object(
         'title', a.title,
         'day', to_char(a.day, 'YYYY-MM-DD'),
         'subject', json_build_object('name', s.name),
         'teacher', json_build_object('displayName', u.display_name),
         'choices', ch.choices,
         'options', op.options
       ) ORDER BY a.day, a.subject_id), '[]')::text AS week
  FROM assignments a
  JOIN subjects s ON s.school_id = a.school_id AND s.id = a.subject_id
  JOIN users u ON u.school_id = a.school_id AND u.id = a.teacher_id
  CROSS JOIN LATERAL (
    SELECT coalesce(json_agg(json_build_object(
             'key', o.key,
             'name', o.name,
             'items', (SELECT coalesce(json_agg(json_build_object(
                                'predictedMinutes', ai.predicted_minutes,
                                'content', json_build_object('title', v.title, 'body', v.body)
                              ) ORDER BY ai.sort_order), '[]')
                         FROM assignment_items ai
                         JOIN bank_item_versions v ON v.school_id = ai.school_id AND v.item_id = ai.item_id AND v.version_no = ai.version_no
                        WHERE ai.school_id = o.school_id AND ai.assignment_id = o.assignment_id AND ai.option_key = o.key)
           ) ORDER BY o.sort_order), '[]') AS options
      FROM assignment_options o
     WHERE o.school_id = a.school_id AND o.assignment_id = a.id
  ) op
  CROSS JOIN LATERAL (
    SELECT coalesce(json_agg(json_build_object('key', c.key, 'totalMinutes', c.total, 'writtenHomeMinutes', c.written) ORDER BY c.ord), '[]') AS choices
      FROM (
        SELECT k.ord, k.key,
               coalesce(sum(ai.predicted_minutes), 0)::int AS total,
               coalesce(sum(ai.predicted_minutes) FILTER (WHERE ai.at_home AND v.form = 'written'), 0)::int AS written
          FROM (
            SELECT o.sort_order::int AS ord, o.key, ARRAY[o.key] AS parts
              FROM assignment_options o
             WHERE a.shape = 'packages' AND o.school_id = a.school_id AND o.assignment_id = a.id
            UNION ALL
            SELECT l.ord, l.key, l.parts
              FROM (VALUES (1, 'A', ARRAY['1', '2', '3']), (2, 'B2', ARRAY['1', '2']), (3, 'B3', ARRAY['1', '3']), (4, 'C', ARRAY['1'])) AS l (ord, key, parts)
             WHERE a.shape = 'three_part'
          ) k
          LEFT JOIN assignment_items ai ON ai.school_id = a.school_id AND ai.assignment_id = a.id AND ai.option_key = ANY (k.parts)
          LEFT JOIN bank_item_versions v ON v.school_id = ai.school_id AND v.item_id = ai.item_id AND v.version_no = ai.version_no
         GROUP BY k.ord, k.key
      ) c
  ) ch
 WHERE a.school_id = $1 AND a.class_id = $2 AND a.day BETWEEN $3 AND $4`;

/** Runs `query` from `connections` loops side by side for `seconds`; latencies in ms. */
async function loop(connections: number, seconds: number, query: () => Promise<unknown>): Promise<{ latencies: number[]; errors: number; elapsedMs: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await query();
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }));
  return { latencies, errors, elapsedMs: performance.now() - started };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_FLOOR_JOB ?? '') as FloorJob;
  const embedded = job.databaseUrl ? null : await startEmbeddedPostgres(job.dataDir);
  const pool = new Pool({ connectionString: job.databaseUrl ?? embedded!.url, max: job.poolSize });
  // Under the role and school the service's statements run under (row-level security on), set
  // once per connection, so that each request is still one statement.
  const scoped = new WeakSet<object>();
  try {
    const params = [job.schoolId, job.classId, job.from, job.to];
    const query = async () => {
      const client = await pool.connect();
      try {
        if (!scoped.has(client)) {
          await client.query(`SELECT set_config('role', 'homework_app', false), set_config('app.school_id', $1, false)`, [job.schoolId]);
          scoped.add(client);
        }
        return await client.query(CLASS_WEEK_FLOOR_SQL, params);
      } finally {
        client.release();
      }
    };
    const sample = (await query()).rows[0].week as string;
    const once = async (connections: number, seconds: number, warmupSeconds: number) => {
      await loop(connections, warmupSeconds, query);
      const { latencies, errors, elapsedMs } = await loop(connections, seconds, query);
      return summarise('class week (floor SQL)', connections, latencies, elapsedMs, { errors });
    };
    if (job.connections.length === 0) {
      process.send!({ type: 'ready', sample });
      await new Promise<void>((resolve) => {
        process.on('message', (m: FloorRun | { type: 'stop' }) => {
          if (m.type === 'stop') return resolve();
          once(m.connections, m.seconds, m.warmupSeconds).then((result) => process.send!({ type: 'ran', result }));
        });
        process.once('disconnect', resolve);
      });
      // The IPC channel would keep this process alive.
      process.disconnect?.();
      return;
    }
    const runs: LoadResult[] = [];
    for (const connections of job.connections) runs.push(await once(connections, job.seconds, job.warmupSeconds));
    process.send!({ type: 'done', result: { sample, runs } satisfies FloorResult });
  } finally {
    await pool.end();
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.send?.({ type: 'failed', error: e instanceof Error ? e.stack : String(e) });
    process.exitCode = 1;
  });
}
