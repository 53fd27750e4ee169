/**
 * Throughput of the public calendar feed against a route handler of the same build that answers the same
 * bytes from memory (app/api/bench/feed-baseline, open only with BENCH_BASELINE=1).
 *
 *   BENCH_BASELINE=1 next start   # a production build, PostgreSQL or PGlite, seeded
 *   tsx scripts/bench-feeds.ts [baseUrl] [--duration 10] [--connections 20]
 *
 * Four runs, one after another: the baseline's 200, the feed's 200 (no validators), the baseline's 304
 * and the feed's 304 (If-None-Match). Prints req/s and latency percentiles of each and the ratios of
 * the feed to the baseline (targets from issue 4: 200 ≥ 0.8, 304 ≥ 0.9).
 */
import autocannon from "autocannon";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const baseUrl = (args.find((arg) => !arg.startsWith("--") && !/^\d+$/.test(arg)) ?? "http://localhost:3000").replace(/\/+$/, "");
const duration = option("duration", 10);
const connections = option("connections", 20);

const FEED = "/calendar/2017.ics";
const BASELINE = "/api/bench/feed-baseline";

type Result = { name: string; requests: number; perSecond: number; p50: number; p95: number; p99: number; statuses: Record<number, number> };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One autocannon run; latencies are collected per response, as autocannon reports no 95th percentile. */
async function run(name: string, path: string, headers: Record<string, string> = {}, seconds = duration): Promise<Result> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url: `${baseUrl}${path}`, connections, duration: seconds, headers };
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: result.requests.total,
    perSecond: result.requests.total / (result.duration || seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
  };
}

async function check(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(`${baseUrl}${path}`, { headers });
  if (response.status !== 200 && response.status !== 304) {
    throw new Error(`${path} answered ${response.status}${path === BASELINE ? " (is the server running with BENCH_BASELINE=1?)" : ""}`);
  }
  return response;
}

async function main(): Promise<void> {
  const feed = await check(FEED);
  const baseline = await check(BASELINE);
  const feedBytes = Buffer.from(await feed.arrayBuffer());
  const baselineBytes = Buffer.from(await baseline.arrayBuffer());
  if (!feedBytes.equals(baselineBytes)) throw new Error("The baseline does not answer the feed's bytes: were the data changed while it ran?");
  const etag = feed.headers.get("etag")!;
  console.log(`${baseUrl}: ${feedBytes.byteLength} bytes, ETag ${etag}, ${connections} connections, ${duration} s per run`);

  await run("warm-up", FEED, {}, 2);
  await run("warm-up", BASELINE, {}, 2);
  const results = [
    await run("baseline 200", BASELINE),
    await run("feed 200", FEED),
    await run("baseline 304", BASELINE, { "if-none-match": etag }),
    await run("feed 304", FEED, { "if-none-match": etag }),
  ];
  console.log("\nrun            req/s     p50 ms  p95 ms  p99 ms  statuses");
  for (const r of results) {
    const statuses = Object.entries(r.statuses).map(([status, count]) => `${status}×${count}`).join(" ");
    console.log(`${r.name.padEnd(13)} ${r.perSecond.toFixed(0).padStart(7)}  ${[r.p50, r.p95, r.p99].map((v) => v.toFixed(2).padStart(6)).join("  ")}  ${statuses}`);
  }
  const [base200, feed200, base304, feed304] = results as [Result, Result, Result, Result];
  const ratio200 = feed200.perSecond / base200.perSecond;
  const ratio304 = feed304.perSecond / base304.perSecond;
  console.log(`\nfeed/baseline: 200 ${(ratio200 * 100).toFixed(1)}% (target ≥ 80%), 304 ${(ratio304 * 100).toFixed(1)}% (target ≥ 90%)`);
  const unexpected = results.filter((r, index) => Object.keys(r.statuses).some((status) => status !== (index < 2 ? "200" : "304")));
  if (unexpected.length > 0) {
    console.error(`Unexpected statuses in: ${unexpected.map((r) => r.name).join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
