/**
 * One autocannon run and the figures the benchmark reports: requests per second, latency percentiles
 * (collected per response, as autocannon reports no 95th percentile) and the status of every answer.
 */
import autocannon from "autocannon";

export type LoadOptions = {
  url: string;
  connections: number;
  /** Seconds to run; or `amount`: a fixed number of requests. */
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
  /** autocannon's request pipeline, for requests that differ (setupRequest) or answers to read (onResponse). */
  requests?: autocannon.Request[];
};

export type LoadResult = {
  responses: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<number, number>;
  /** Connection errors, timeouts included: requests that got no answer at all. */
  failures: number;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
        ...(options.headers && { headers: options.headers }),
        ...(options.requests && { requests: options.requests }),
        // Registrations queue for a session's lock during a rush: an answer after 10 s is slow, not lost.
        timeout: 30,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      lastAnswer = performance.now();
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  // A fixed amount runs until its last answer; autocannon itself reports the end on its next whole second.
  const seconds = options.amount ? (lastAnswer - started) / 1000 : result.duration || options.duration!;
  latencies.sort((a, b) => a - b);
  return {
    responses: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
    failures: result.errors,
  };
}
