// The bench's anchor: PostGraphile 5 over the bench database, answering the class week
// (bench/anchor.ts sends it the document and installs the two SQL functions it uses). Run by
// bench/anchor.ts with this folder's own Node 22 (PostGraphile 5 needs Node >= 22) and
// NODE_ENV=production; every request runs as `homework_app` with `app.school_id` set, the role
// and row-level security the service's statements run under.
//
// Environment: ANCHOR_DATABASE_URL (the table owner, as the service connects), ANCHOR_SCHOOL_ID,
// ANCHOR_POOL_SIZE. It listens on 127.0.0.1 at a free port and sends { type: 'ready', url }
// over the IPC channel; ANCHOR_PRINT_SCHEMA=1 prints the GraphQL schema instead.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { printSchema } from 'postgraphile/graphql';

const connectionString = process.env.ANCHOR_DATABASE_URL;
const schoolId = process.env.ANCHOR_SCHOOL_ID;
if (!connectionString || !schoolId) throw new Error('ANCHOR_DATABASE_URL and ANCHOR_SCHOOL_ID are required');
const pool = new pg.Pool({ connectionString, max: Number(process.env.ANCHOR_POOL_SIZE || 10) });

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  // Ordering by any column (sort_order is not indexed), as the service and the floor order.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  // Plain lists (as the service answers) rather than Relay connections.
  schema: { defaultBehavior: '-connection +list' },
  grafast: {
    context: () => ({ pgSettings: { role: 'homework_app', 'app.school_id': schoolId } }),
    explain: false,
  },
  grafserv: { port: 0, host: '127.0.0.1', graphqlPath: '/graphql', graphiql: false, watch: false, maxRequestLength: 1_000_000 },
};

const pgl = postgraphile(preset);
if (process.env.ANCHOR_PRINT_SCHEMA) {
  const { schema } = await pgl.getSchemaResult();
  process.stdout.write(printSchema(schema));
  await pgl.release();
  await pool.end();
} else {
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server);
  await serv.ready();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
  });
  const stop = () => server.close(() => pgl.release().then(() => pool.end()).then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}
