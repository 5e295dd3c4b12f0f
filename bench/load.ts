import autocannon from 'autocannon';

/** One operation at one concurrency: what BENCHMARKS.md shows per row. */
export interface LoadResult {
  operation: string;
  connections: number;
  /** Completed requests in the measured window. */
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** HTTP answers other than 2xx. */
  non2xx: number;
  /** 2xx answers with top-level GraphQL errors or userErrors: not the success the run asked for. */
  graphqlErrors: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Requests that could not be made because the prepared writes ran out (then the run is too short). */
  exhausted?: number;
  statements?: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A result from raw latencies (ms), for loops that do not go through HTTP. */
export function summarise(operation: string, connections: number, latencies: number[], elapsedMs: number, extra: Partial<LoadResult> = {}): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    operation, connections, requests: sorted.length, rps: sorted.length / (elapsedMs / 1000),
    p50: percentile(sorted, 50), p99: percentile(sorted, 99), non2xx: 0, graphqlErrors: 0, errors: 0, ...extra,
  };
}

/**
 * A request body per call: for reads the same body every time, for writes a fresh one
 * (a draft to publish, a hand-in with a new client key). `connection` is the index of the
 * autocannon connection sending it (0-based), so that each can act as its own user.
 */
export interface Workload {
  operation: string;
  next(connection: number): { token: string; body: string } | null;
  /** True when the answer is the success the workload asked for. */
  succeeded(body: string): boolean;
}

/** A read: the same document and token every time; success is data without errors. */
export function readWorkload(operation: string, token: string, query: string, variables: Record<string, unknown>): Workload {
  const body = JSON.stringify({ query, variables });
  return { operation, next: () => ({ token, body }), succeeded: (b) => b.startsWith('{"data"') && !b.includes('"errors":[{') };
}

/** Top-level errors and non-empty userErrors both count as failures of a write. */
export function writeSucceeded(body: string): boolean {
  return body.startsWith('{"data"') && !body.includes('"errors":[{') && body.includes('"userErrors":[]');
}

/**
 * Runs `workload` against `url` with autocannon for `seconds` at `connections`, after a
 * warm-up of `warmupSeconds` (reported separately, not counted). Every answer's body is
 * checked; failures are counted, and the first few kept for the report.
 */
export async function runLoad(url: string, workload: Workload, connections: number, seconds: number, warmupSeconds: number, failures: string[] = []): Promise<LoadResult> {
  let exhausted = 0;
  let graphqlErrors = 0;
  const once = async (duration: number) => {
    exhausted = 0;
    graphqlErrors = 0;
    let nextConnection = 0;
    return autocannon({
      url: `${url}/graphql`,
      connections,
      duration,
      timeout: 30,
      method: 'POST',
      setupClient(client) {
        const connection = nextConnection++;
        client.setRequests([{
          method: 'POST',
          setupRequest(request): autocannon.RawRequest {
            const next = workload.next(connection);
            if (!next) {
              exhausted++;
              // Something the service refuses cheaply, so that the run goes on and the shortage shows.
              return { ...request, headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' };
            }
            return { ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${next.token}` }, body: next.body };
          },
          onResponse(status, body) {
            if (status >= 200 && status < 300 && !workload.succeeded(body)) {
              graphqlErrors++;
              if (failures.length < 5) failures.push(body.slice(0, 400));
            }
          },
        }]);
      },
    });
  };
  if (warmupSeconds > 0) await once(warmupSeconds);
  const r = await once(seconds);
  const total = (r.requests as { total?: number }).total ?? Math.round(r.requests.average * r.duration);
  // No answer within the run (every request slower than it): no latency to report.
  return {
    operation: workload.operation, connections, requests: total, rps: total / r.duration, p50: total ? r.latency.p50 : NaN, p99: total ? r.latency.p99 : NaN,
    non2xx: r.non2xx, graphqlErrors, errors: r.errors + r.timeouts, exhausted: exhausted || undefined,
  };
}
