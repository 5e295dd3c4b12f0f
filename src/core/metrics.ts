import { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { poolCounts } from './database';

/**
 * Prometheus metrics in the text exposition format, one registry per service: the process's
 * (memory, CPU, event-loop lag, GC, handles — prom-client's default metrics) and the service's
 * own: GraphQL operations by name and outcome, a latency histogram, HTTP responses by route and
 * status, and the database pool's use. Operation names come from clients, so they are sanitised
 * and capped in number.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const MAX_OPERATIONS = 200;

/**
 * The process's metrics, collected once per process: they describe the process, not a service
 * in it, and each collection starts an event-loop monitor and a GC observer that never stop.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class Metrics {
  private readonly registry: Registry;
  private readonly operations: Counter<'operation' | 'outcome'>;
  private readonly latency: Histogram<'operation'>;
  private readonly http: Counter<'route' | 'status'>;
  private readonly names = new Set<string>();

  constructor(ds: DataSource) {
    const own = new Registry();
    this.operations = new Counter({
      name: 'graphql_operations_total', help: 'GraphQL operations by name and outcome',
      labelNames: ['operation', 'outcome'], registers: [own],
    });
    this.latency = new Histogram({
      name: 'graphql_operation_duration_seconds', help: 'GraphQL operation latency',
      labelNames: ['operation'], buckets: BUCKETS, registers: [own],
    });
    this.http = new Counter({
      name: 'http_responses_total', help: 'HTTP responses by route and status',
      labelNames: ['route', 'status'], registers: [own],
    });
    new Gauge({
      name: 'db_pool_connections', help: 'Database pool connections by state',
      labelNames: ['state'], registers: [own],
      // Read at scrape time; the embedded database's pool is a pg pool too.
      collect() {
        const pool = poolCounts(ds);
        this.set({ state: 'total' }, pool.total);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
    this.registry = Registry.merge([processMetrics(), own]);
  }

  operationName(name: string | null | undefined): string {
    const clean = (name ?? '').replace(/[^A-Za-z0-9_]/g, '').slice(0, 64) || 'anonymous';
    if (this.names.has(clean)) return clean;
    if (this.names.size >= MAX_OPERATIONS) return 'other';
    this.names.add(clean);
    return clean;
  }

  observeOperation(name: string, outcome: 'ok' | 'error', seconds: number): void {
    this.operations.inc({ operation: name, outcome });
    this.latency.observe({ operation: name }, seconds);
  }

  observeHttp(route: string, status: number): void {
    this.http.inc({ route, status: String(status) });
  }

  /** The `content-type` of what `render` returns. */
  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}

/** Times each GraphQL operation and counts its outcome. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, operation, response }) {
          const name = metrics.operationName(operation?.name?.value ?? request.operationName);
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          metrics.observeOperation(name, errors?.length ? 'error' : 'ok', Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
