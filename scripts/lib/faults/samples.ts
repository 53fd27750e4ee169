/** The load of the fault scenarios: autocannon runs whose every answer is timed and kept as a sample. */
import autocannon from "autocannon";
import { percentile } from "../load";

export type Sample = {
  target: string;
  startedAt: number;
  at: number;
  ms: number;
  status: number;
  retryAfter: boolean;
};

/** An autocannon request that times each answer and notes its status and Retry-After. */
export function timed(target: string, samples: Sample[], base: autocannon.Request): autocannon.Request {
  return {
    ...base,
    setupRequest: (request, context) => {
      (context as { startedAt?: number }).startedAt = Date.now();
      return typeof base.setupRequest === "function" ? base.setupRequest(request, context) : request;
    },
    onResponse: (status, body, context, headers) => {
      const at = Date.now();
      const startedAt = (context as { startedAt?: number }).startedAt ?? at;
      samples.push({
        target,
        startedAt,
        at,
        ms: at - startedAt,
        status,
        retryAfter: Boolean(headers?.["retry-after"]),
      });
      if (typeof base.onResponse === "function") base.onResponse(status, body, context, headers);
    },
  };
}

export function cannon(
  url: string,
  connections: number,
  seconds: number,
  request: autocannon.Request,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, timeout: 10, requests: [request] }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function statusLine(samples: Sample[]): string {
  const counts: Record<number, number> = {};
  for (const sample of samples) counts[sample.status] = (counts[sample.status] ?? 0) + 1;
  return Object.entries(counts)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
}

export function latencyLine(samples: Sample[]): string {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  if (sorted.length === 0) return "–";
  return `p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms`;
}
