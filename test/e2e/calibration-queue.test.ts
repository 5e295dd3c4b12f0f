import { fromGlobalId } from '../../src/core/ids';
import { SchoolStage } from '../../src/modules/school/school.entity';
import { TestApp } from '../support/test-app';
import { drainCalibrationQueue, turnEnds } from '../../src/modules/calibration/calibration-queue';
import { connectionsAwaited } from '../../src/core/database';
import { createAndPublish, ids, insertItem, packages } from '../support/assignments';

/**
 * Calibration off the hand-in's path: a hand-in queues the item versions of its homework, the
 * worker recalibrates them once for however many hand-ins came, a refused hand-in queues
 * nothing, and a hand-in does not wait for a recalibration in progress.
 */
const SCHOOL = { code: 'queue-test', name: '测试辛校', stage: SchoolStage.PRIMARY, grades: [5], classesPerGrade: 1, studentsPerClass: 4, nameSeed: 31 };
const SUBMIT = `mutation($i: SubmissionCreateInput!) { submissionCreate(input: $i) { submission { id } userErrors { code } } }`;
let t: TestApp;
let assignmentId: string;
const itemIds: string[] = [];

const queued = async () => (await t.db.dataSource.query(`SELECT item_id, version_no FROM calibration_queue ORDER BY item_id`)) as { item_id: string; version_no: number }[];
const calibrations = async () => (await t.db.dataSource.query(
  `SELECT item_id, version_no, observations, median_minutes::float AS median_minutes FROM item_calibrations ORDER BY item_id`)) as { item_id: string; observations: number; median_minutes: number }[];

beforeAll(async () => {
  t = await TestApp.start([SCHOOL]);
  const a = await insertItem(t, { subject: 'chinese', grade: 5, title: '字词练习', minutes: 10 });
  const b = await insertItem(t, { subject: 'chinese', grade: 5, title: '阅读短文', minutes: 20 });
  itemIds.push(fromGlobalId(a, 'BankItem'), fromGlobalId(b, 'BankItem'));
  const teacher = await t.login('t5yw1');
  assignmentId = (await createAndPublish(t, teacher, { ...ids(t, 5, 'chinese'), date: '2026-12-01', shape: 'PACKAGES', title: '语文作业', options: packages(a, b) })).assignment.id;
});
afterAll(() => t?.stop());

async function handIn(student: string, minutes: number, choice = 'A') {
  return t.ok(SUBMIT, { i: { assignmentId, choice, answer: '完成', attachments: [], actualMinutes: minutes, clientKey: `queue-${student}-${minutes}` } }, await t.login(student));
}

it('hand-ins queue their item versions, and one drain recalibrates each version once from every hand-in', async () => {
  await handIn('s50101', 12);
  await handIn('s50102', 8);
  // A row per hand-in and version (so a hand-in never waits on another's row): both items of the assignment, twice.
  expect((await queued()).map((q) => q.item_id).sort()).toEqual([...itemIds, ...itemIds].sort());
  expect(await calibrations()).toEqual([]);

  expect(await t.drainCalibrations()).toBe(2);
  expect(await queued()).toEqual([]);
  const [first] = (await calibrations()).filter((c) => c.item_id === itemIds[0]);
  // Two hand-ins of package A (the first item only): 12 and 8 minutes, median 10.
  expect(first).toMatchObject({ observations: 2, median_minutes: 10 });
  expect(await t.drainCalibrations()).toBe(0);
});

it('a version queued again and again is recalibrated once, with every row of it, however far back in the queue', async () => {
  const [a, b] = itemIds;
  const queue = (item: string) => t.db.dataSource.query(`INSERT INTO calibration_queue (school_id, item_id, version_no) VALUES ($1, $2, 1)`, [t.schools[0].schoolId, item]);
  for (const item of [a, b, a, a]) await queue(item);
  // One oldest row a transaction: the first takes item a with its two later rows, the second item b.
  expect(await drainCalibrationQueue(t.db.dataSource, 1)).toBe(2);
  expect(await queued()).toEqual([]);
});

it('a turn of the worker ends after a batch when others need the database, and leaves the rest queued for the next', async () => {
  const [a, b] = itemIds;
  for (const item of [a, b]) {
    await t.db.dataSource.query(`INSERT INTO calibration_queue (school_id, item_id, version_no) VALUES ($1, $2, 1)`, [t.schools[0].schoolId, item]);
  }
  // A turn told to yield still takes one batch, so that a busy service's queue moves.
  expect(await drainCalibrationQueue(t.db.dataSource, 1, () => true)).toBe(1);
  expect((await queued()).map((q) => q.item_id)).toEqual([b]);
  expect(await t.drainCalibrations()).toBe(1);
  expect(await queued()).toEqual([]);
});

it('a turn of the worker ends at once when requests wait, after its time when requests came, and never while the service is idle', () => {
  const turn = { othersWaiting: false, elapsedMs: 0, turnMs: 250, requestsDuringTurn: 0 };
  expect(turnEnds({ ...turn, othersWaiting: true })).toBe(true);
  expect(turnEnds({ ...turn, elapsedMs: 100, requestsDuringTurn: 3 })).toBe(false);
  expect(turnEnds({ ...turn, elapsedMs: 300, requestsDuringTurn: 3 })).toBe(true);
  // Idle after a flood of hand-ins: the worker catches up without pause.
  expect(turnEnds({ ...turn, elapsedMs: 60_000, requestsDuringTurn: 0 })).toBe(false);
  // On a server the time is unlimited, and a pool of several connections lets requests pass.
  expect(turnEnds({ ...turn, turnMs: Infinity, elapsedMs: 60_000, requestsDuringTurn: 100 })).toBe(false);
});

// The embedded database has one connection: the second caller waits, which is what ends the worker's turn there.
const onEmbedded = (name: string, test: () => Promise<void>) => (process.env.TEST_DATABASE_URL
  ? it.skip(`${name} (skipped on a server: its pool has a connection for each caller)`, test)
  : it(name, test));

onEmbedded('on the embedded database, a caller waiting for its one connection is seen', async () => {
  const holder = t.db.dataSource.createQueryRunner();
  await holder.connect();
  const waiting = t.db.dataSource.query('SELECT 1');
  try {
    expect(connectionsAwaited(t.db.dataSource)).toBe(1);
  } finally {
    await holder.release();
  }
  await waiting;
  expect(connectionsAwaited(t.db.dataSource)).toBe(0);
});

it('a refused hand-in queues nothing', async () => {
  const { submissionCreate } = await handIn('s50101', 30);
  expect(submissionCreate.userErrors.map((e: any) => e.code)).toEqual(['ALREADY_SUBMITTED']);
  expect(await queued()).toEqual([]);
});

// Needs a second connection while the service works: the embedded database serves one at a time.
const onServer = (name: string, test: () => Promise<void>) => (process.env.TEST_DATABASE_URL
  ? it(name, test)
  : it.skip(`${name} (skipped on the embedded database: it needs a second connection)`, test));

onServer('a hand-in does not wait for a recalibration of its items in progress', async () => {
  // A drain in progress: queue rows taken and their versions' advisory locks held, not yet committed.
  await t.db.dataSource.query(`INSERT INTO calibration_queue (school_id, item_id, version_no) SELECT school_id, id, 1 FROM bank_items WHERE id = ANY($1::uuid[])`, [itemIds]);
  const runner = t.db.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    expect((await runner.query(`DELETE FROM calibration_queue RETURNING item_id`))[0]).toHaveLength(2);
    for (const id of itemIds) await runner.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${t.schools[0].schoolId}:${id}:1`]);
    const { submissionCreate } = await handIn('s50104', 9);
    expect(submissionCreate.userErrors).toEqual([]);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
  expect(await queued()).toHaveLength(4); // the two given back and the hand-in's two
  await t.drainCalibrations();
});

it('the worker of a running service recalibrates on its own, turn by turn', async () => {
  t.app.calibrations.start();
  await handIn('s50103', 16);
  expect(await queued()).not.toEqual([]);
  // Each turn of the timer takes at least one batch: the queue empties in a few turns, whatever the clock.
  let turns = 0;
  while ((await queued()).length > 0) {
    await t.app.calibrations.nextTurn();
    turns++;
  }
  expect(turns).toBeGreaterThan(0);
  const first = (await calibrations()).find((c) => c.item_id === itemIds[0]);
  // 12, 8, 16 and, on a server, 9 minutes.
  expect(first).toMatchObject(process.env.TEST_DATABASE_URL ? { observations: 4, median_minutes: 10.5 } : { observations: 3, median_minutes: 12 });
  expect(await queued()).toEqual([]);
});
