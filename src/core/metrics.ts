import { ApolloServerPlugin } from '@apollo/server';
import { DataSource } from 'typeorm';

/**
 * Prometheus metrics in the text exposition format: GraphQL operations by name and outcome, a
 * latency histogram, HTTP responses by route and status, and the database pool's use.
 * Operation names come from clients, so they are sanitised and capped in number.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const MAX_OPERATIONS = 200;

interface Histogram { counts: number[]; sum: number; count: number }

export class Metrics {
  private readonly operations = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private readonly http = new Map<string, number>();

  operationName(name: string | null | undefined): string {
    const clean = (name ?? '').replace(/[^A-Za-z0-9_]/g, '').slice(0, 64) || 'anonymous';
    const known = [...this.latency.keys()].includes(clean);
    return known || this.latency.size < MAX_OPERATIONS ? clean : 'other';
  }

  observeOperation(name: string, outcome: 'ok' | 'error', seconds: number): void {
    const key = `${name}\u0000${outcome}`;
    this.operations.set(key, (this.operations.get(key) ?? 0) + 1);
    const h = this.latency.get(name) ?? { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
    BUCKETS.forEach((b, i) => { if (seconds <= b) h.counts[i]++; });
    h.sum += seconds;
    h.count++;
    this.latency.set(name, h);
  }

  observeHttp(route: string, status: number): void {
    const key = `${route}\u0000${status}`;
    this.http.set(key, (this.http.get(key) ?? 0) + 1);
  }

  render(ds: DataSource): string {
    const lines: string[] = [];
    lines.push('# HELP graphql_operations_total GraphQL operations by name and outcome', '# TYPE graphql_operations_total counter');
    for (const [key, n] of this.operations) {
      const [op, outcome] = key.split('\u0000');
      lines.push(`graphql_operations_total{operation="${op}",outcome="${outcome}"} ${n}`);
    }
    lines.push('# HELP graphql_operation_duration_seconds GraphQL operation latency', '# TYPE graphql_operation_duration_seconds histogram');
    for (const [op, h] of this.latency) {
      BUCKETS.forEach((b, i) => lines.push(`graphql_operation_duration_seconds_bucket{operation="${op}",le="${b}"} ${h.counts[i]}`));
      lines.push(`graphql_operation_duration_seconds_bucket{operation="${op}",le="+Inf"} ${h.count}`);
      lines.push(`graphql_operation_duration_seconds_sum{operation="${op}"} ${h.sum}`, `graphql_operation_duration_seconds_count{operation="${op}"} ${h.count}`);
    }
    lines.push('# HELP http_responses_total HTTP responses by route and status', '# TYPE http_responses_total counter');
    for (const [key, n] of this.http) {
      const [route, status] = key.split('\u0000');
      lines.push(`http_responses_total{route="${route}",status="${status}"} ${n}`);
    }
    const pool = (ds.driver as unknown as { master?: { totalCount?: number; idleCount?: number; waitingCount?: number } }).master;
    lines.push('# HELP db_pool_connections Database pool connections by state', '# TYPE db_pool_connections gauge');
    lines.push(`db_pool_connections{state="total"} ${pool?.totalCount ?? 0}`);
    lines.push(`db_pool_connections{state="idle"} ${pool?.idleCount ?? 0}`);
    lines.push(`db_pool_connections{state="waiting"} ${pool?.waitingCount ?? 0}`);
    return lines.join('\n') + '\n';
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
