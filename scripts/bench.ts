/**
 * `npm run bench`: the production build against PostgreSQL under load, side by side with two baselines of
 * the same machine — a bare Node HTTP server and a Next.js route handler without database
 * (/api/bench/baseline, open only with BENCH_BASELINE=1), both answering the same fixed JSON bytes.
 *
 *   npm run bench -- [--duration 10] [--connections 20] [--warm-up 2] [--server-warm-up 15] [--rush 1000]
 *                    [--rush-connections 50] [--spread 10] [--port 3510] [--heap-mb 256]
 *                    [--only agenda-page,agenda-page-utm,agenda-page-render,agenda-json,live] [--cpu-prof DIR]
 *                    [--live-viewers 200] [--live-steps 30]
 *
 * Builds when there is no build, makes a fresh database `bench` on the PostgreSQL server of
 * BENCH_DATABASE_URL (default: the machine's, postgresql://postgres@127.0.0.1:5432/postgres), migrated and
 * seeded, starts `next start` on it (SMTP unset: emails stay in the outbox) and drops the database at the
 * end. Warms the server up (--server-warm-up seconds on the route baseline), then runs, after a warm-up
 * each: the two baselines, the agenda page and JSON, the public feed (200, and
 * 304 with its ETag), then a registration rush: a fixed number of new delegates at once on one session of
 * 50 seats, and on a spread of such sessions (two each); the seat invariant is checked in SQL after each.
 * Last, the live show (scripts/lib/live-bench.ts): --live-viewers event streams of a ceremony while an
 * organizer presses "next" --live-steps times, the time to the last viewer's event against one viewer.
 * The server's resident memory (its whole process tree) is sampled throughout. The server runs with a
 * V8 heap of --heap-mb (256 MB, about what Node gives itself in a 512 MB container; 0: V8's default,
 * which on a large machine lets garbage pile up to gigabytes before collecting it).
 *
 * Prints a table (Markdown, for BENCHMARKS.md) and a verdict per target (issue 7): agenda page and JSON
 * ≥ 50 % of the route baseline's req/s (measured first and again after the reads; the faster run counts),
 * rush ≥ 30 % with zero errors and the invariant intact, RSS < 512 MB.
 * Exits non-zero when a correctness check fails (an error answer, a broken invariant, RSS over the limit);
 * missed speed targets are reported, not exit codes, since they depend on the machine.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import pg from "pg";
import { ensureBuild, rssSampler, startAppServer, treeRssBytes, type AppServer } from "./lib/app-server";
import { dropDatabase, freshDatabase } from "./lib/database";
import { measureLive, signedInCookie, type LiveFigures } from "./lib/live-bench";
import { load, type LoadOptions, type LoadResult } from "./lib/load";
import {
  checkSeatInvariant,
  memberCityIds,
  prepareRushSessions,
  RUSH_CAPACITY,
  rushRequest,
  type RushAnswers,
} from "./lib/rush";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1]! : fallback;
};
const duration = Number(option("duration", "10"));
const connections = Number(option("connections", "20"));
const warmUp = Number(option("warm-up", "2"));
const serverWarmUp = Number(option("server-warm-up", "15"));
const rushRequests = Number(option("rush", "1000"));
const rushConnections = Number(option("rush-connections", "50"));
const spreadSessions = Number(option("spread", "10"));
const port = Number(option("port", "3510"));
const only = option("only", "") ? new Set(option("only", "").split(",")) : null;
const cpuProfileDir = option("cpu-prof", "");
const heapMb = Number(option("heap-mb", "256"));
const liveViewers = Number(option("live-viewers", "200"));
const liveSteps = Number(option("live-steps", "30"));

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DATABASE = "bench";
const MEETING = "2017";
const RSS_LIMIT = 512 * 1024 * 1024;

const PATHS = {
  baseline: "/api/bench/baseline",
  agendaPage: `/en/meetings/${MEETING}/agenda`,
  agendaJson: `/api/meetings/${MEETING}/agenda`,
  feed: `/calendar/${MEETING}.ics`,
};

/** What a browser sends with a click on a link or the address bar. */
const BROWSER_NAVIGATION = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "sec-fetch-dest": "document",
  "sec-fetch-mode": "navigate",
};

type Row = LoadResult & {
  name: string;
  rssPeak: number;
  target?: number;
  expected: number;
  problems: string[];
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => value.toFixed(1);
const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;

/** The bare Node server (scripts/lib/bare-server.ts) in its own process, answering `body`. */
async function startBareServer(
  bareport: number,
  body: string,
): Promise<{ url: string; pid: number; rssBytes(): number; stop(): Promise<void> }> {
  // tsx only loads the file (Node before 22.18 cannot strip types itself); it is not in the request path.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "lib/bare-server.ts"), String(bareport)],
    {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, BARE_BODY: body },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const [line] = (await Promise.race([once(child.stdout!, "data"), once(child, "exit")])) as [
    Buffer | number,
  ];
  if (!Buffer.isBuffer(line) || !line.toString().includes("listening"))
    throw new Error("The bare Node server did not start");
  return {
    url: `http://127.0.0.1:${bareport}`,
    pid: child.pid!,
    rssBytes: () => treeRssBytes(child.pid!),
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      if (child.exitCode === null) await once(child, "exit");
    },
  };
}

async function main(): Promise<void> {
  await ensureBuild();
  console.log(`Fresh database ${DATABASE} on ${new URL(SERVER_URL).host} (migrate, seed) …`);
  const databaseUrl = await freshDatabase(SERVER_URL, DATABASE);
  let app: AppServer | undefined;
  let bare: Awaited<ReturnType<typeof startBareServer>> | undefined;
  const sql = new pg.Client({ connectionString: databaseUrl });
  try {
    app = await startAppServer({
      port,
      readyPath: PATHS.baseline,
      env: {
        DATABASE_URL: databaseUrl,
        DB_AUTO_SETUP: "false",
        BENCH_BASELINE: "1",
        SMTP_URL: "",
        // Every delegate of the rush comes from its own address; the limit must not be what is measured.
        RATE_LIMIT_REGISTRATIONS: "1000000",
        NODE_OPTIONS: [
          heapMb > 0 ? `--max-old-space-size=${heapMb}` : "",
          cpuProfileDir ? `--cpu-prof --cpu-prof-dir=${path.resolve(cpuProfileDir)}` : "",
        ]
          .join(" ")
          .trim(),
      },
    });
    await sql.connect();
    const rows = await measure(app, sql, databaseUrl, (body) =>
      startBareServer(port + 1, body).then((started) => (bare = started)),
    );
    const failed = report(rows, app);
    if (failed) {
      process.exitCode = 1;
      console.error(`\n--- end of the server's output ---\n${app.output().slice(-4000)}`);
    }
  } finally {
    await sql.end().catch(() => undefined);
    await bare?.stop();
    await app?.stop();
    await dropDatabase(SERVER_URL, DATABASE);
  }
}

async function measure(
  app: AppServer,
  sql: pg.Client,
  databaseUrl: string,
  startBare: (body: string) => Promise<{ url: string; rssBytes(): number }>,
): Promise<Row[]> {
  const baselineBody = await (await fetch(`${app.url}${PATHS.baseline}`)).text();
  const bare = await startBare(baselineBody);
  if ((await (await fetch(bare.url)).text()) !== baselineBody)
    throw new Error("The bare server does not answer the baseline's bytes");
  const feed = await fetch(`${app.url}${PATHS.feed}`);
  const etag = feed.headers.get("etag");
  if (feed.status !== 200 || !etag) throw new Error(`${PATHS.feed} answered ${feed.status} without an ETag`);
  console.log(
    `Server pid ${app.pid} at ${app.url} (V8 heap ${heapMb > 0 ? `${heapMb} MB` : "default"}); ` +
      `${connections} connections, ${duration} s per run after ${warmUp} s of warm-up.\n`,
  );

  // Next.js's request handling, which every run shares, gets faster for tens of seconds after start (the
  // JIT); without this, whatever runs first would be measured on a colder server than what runs last.
  await load({ url: `${app.url}${PATHS.baseline}`, connections, duration: serverWarmUp });

  const appRss = rssSampler(app);
  const bareRss = rssSampler(bare);
  const rows: Row[] = [];
  const read = async (
    name: string,
    key: string,
    url: string,
    expected: number,
    options: {
      target?: number;
      headers?: Record<string, string>;
      sampler?: typeof appRss;
      requests?: LoadOptions["requests"];
    } = {},
  ) => {
    if (only && !only.has(key)) return;
    const sampler = options.sampler ?? appRss;
    const { headers, requests } = options;
    await load({ url, connections, duration: warmUp, headers, requests });
    sampler.reset();
    const result = await load({ url, connections, duration, headers, requests });
    const problems = unexpected(result, expected);
    rows.push({ name, ...result, rssPeak: sampler.reset(), target: options.target, expected, problems });
    console.log(
      `${name}: ${result.perSecond.toFixed(0)} req/s${problems.length ? ` — ${problems.join("; ")}` : ""}`,
    );
  };
  await read("bare Node server", "bare", bare.url, 200, { sampler: bareRss });
  await read("route, no database", "baseline", `${app.url}${PATHS.baseline}`, 200);
  // A browser's navigation gets the page from the page cache (app/_http/page-cache.ts); a request that
  // does not ask for HTML has it rendered, as the client router's requests are.
  await read("agenda page", "agenda-page", `${app.url}${PATHS.agendaPage}`, 200, {
    target: 0.5,
    headers: BROWSER_NAVIGATION,
  });
  // Links shared with a tracking parameter: a new value on every request is still the one page.
  let campaign = 0;
  await read("agenda page, new ?utm= each time", "agenda-page-utm", `${app.url}${PATHS.agendaPage}`, 200, {
    headers: BROWSER_NAVIGATION,
    requests: [
      { setupRequest: (request) => ({ ...request, path: `${PATHS.agendaPage}?utm=${++campaign}` }) },
    ],
  });
  await read("agenda page, rendered each time", "agenda-page-render", `${app.url}${PATHS.agendaPage}`, 200);
  await read("agenda JSON", "agenda-json", `${app.url}${PATHS.agendaJson}`, 200, { target: 0.5 });
  await read("feed 200", "feed", `${app.url}${PATHS.feed}`, 200);
  await read("feed 304", "feed-304", `${app.url}${PATHS.feed}`, 304, { headers: { "if-none-match": etag } });
  // The route baseline once more, on a server as warm as it gets: ratios are taken against the faster run.
  await read("route, no database, again", "baseline", `${app.url}${PATHS.baseline}`, 200);

  if (!only || only.has("rush")) {
    const cityIds = await memberCityIds(sql);
    const rush = async (
      name: string,
      label: string,
      sessions: number,
      perDelegate: number,
      amount: number,
      rushConnectionCount: number,
    ) => {
      const answers: RushAnswers = {
        label,
        sessionIds: await prepareRushSessions(sql, MEETING, label, sessions),
        answers: [],
        unexpected: {},
      };
      appRss.reset();
      const result = await load({
        url: app.url,
        connections: rushConnectionCount,
        amount,
        requests: [rushRequest(MEETING, answers, cityIds, perDelegate)],
      });
      const problems = [...unexpected(result, 201), ...(await checkSeatInvariant(sql, answers))];
      const seats = answers.answers.flatMap((answer) => answer.sessions);
      const confirmed = seats.filter((seat) => seat.status === "confirmed").length;
      console.log(
        `${name}: ${result.perSecond.toFixed(0)} req/s, ${answers.answers.length} registered, ${confirmed} seats confirmed and ` +
          `${seats.length - confirmed} waitlisted in ${sessions} × ${RUSH_CAPACITY} seats — invariant ${problems.length ? "BROKEN" : "intact"}`,
      );
      for (const problem of problems) console.log(`  ${problem}`);
      return { name, ...result, rssPeak: appRss.reset(), target: 0.3, expected: 201, problems };
    };
    // Warms up the registration path (and checks it) without counting.
    const warmed = await rush("rush warm-up", "warmup", 1, 1, Math.min(100, rushRequests), 10);
    if (warmed.problems.length > 0) rows.push(warmed);
    rows.push(
      await rush(`rush, 1 session (${rushRequests} delegates)`, "one", 1, 1, rushRequests, rushConnections),
    );
    rows.push(
      await rush(
        `rush, ${spreadSessions} sessions (2 each)`,
        "spread",
        spreadSessions,
        Math.min(2, spreadSessions),
        rushRequests,
        rushConnections,
      ),
    );
  }
  if (!only || only.has("live")) rows.push(...(await live(app, sql, databaseUrl, appRss)));
  const overall = appRss.overallPeak();
  appRss.stop();
  bareRss.stop();
  rows.push({
    name: "server RSS, overall",
    responses: 0,
    seconds: 0,
    perSecond: NaN,
    p50: NaN,
    p95: NaN,
    p99: NaN,
    statuses: {},
    failures: 0,
    rssPeak: overall,
    expected: 0,
    problems: [],
  });
  return rows;
}

/**
 * The live show: one viewer first (the baseline), then --live-viewers, each for --live-steps presses of
 * "next"; printed as its own table, and as rows of the main one for the memory and correctness verdicts.
 */
async function live(
  app: AppServer,
  sql: pg.Client,
  databaseUrl: string,
  rss: { reset(): number },
): Promise<Row[]> {
  const cookie = await signedInCookie(app.url, databaseUrl);
  const runs: LiveFigures[] = [];
  for (const viewers of [1, liveViewers]) {
    const figures = await measureLive({
      baseUrl: app.url,
      sql,
      meetingSlug: MEETING,
      cookie,
      viewers,
      steps: liveSteps,
      rss,
    });
    runs.push(figures);
    console.log(
      `live show, ${viewers} viewer(s): "next" to the last viewer's event p50 ${ms(figures.p50)} ms, p95 ${ms(figures.p95)} ms` +
        `${figures.problems.length ? ` — ${figures.problems.join("; ")}` : ""}`,
    );
  }
  console.log(`
| live show | steps | p50 ms | p95 ms | max ms | command p50 ms | peak RSS |`);
  console.log("|---|--:|--:|--:|--:|--:|--:|");
  for (const figures of runs)
    console.log(
      `| ${figures.viewers} viewer${figures.viewers === 1 ? "" : "s"} | ${figures.steps} | ${ms(figures.p50)} | ${ms(figures.p95)} | ${ms(figures.max)} | ${ms(figures.commandP50)} | ${mb(figures.rssPeak)} |`,
    );
  console.log("");
  return runs.map((figures) => ({
    name: `live show, ${figures.viewers} viewer(s), "next" to last event`,
    responses: figures.steps,
    seconds: 0,
    perSecond: NaN,
    p50: figures.p50,
    p95: figures.p95,
    p99: figures.max,
    statuses: {},
    failures: 0,
    rssPeak: figures.rssPeak,
    expected: 0,
    problems: figures.problems,
  }));
}

/** Answers other than the expected status, and requests without an answer. */
function unexpected(result: LoadResult, expected: number): string[] {
  const problems = Object.entries(result.statuses)
    .filter(([status]) => Number(status) !== expected)
    .map(([status, count]) => `${count} × ${status}`);
  if (result.failures > 0) problems.push(`${result.failures} without an answer (errors, timeouts)`);
  return problems;
}

/** Prints the table and the verdicts; true when a correctness check failed. */
function report(rows: Row[], app: AppServer): boolean {
  const route = rows
    .filter((row) => row.name.startsWith("route, no database"))
    .reduce<Row | undefined>(
      (faster, row) => (faster && faster.perSecond >= row.perSecond ? faster : row),
      undefined,
    );
  const bare = rows.find((row) => row.name === "bare Node server");
  const ratio = (row: Row, base: Row | undefined) =>
    base && Number.isFinite(row.perSecond) ? percent(row.perSecond / base.perSecond) : "—";
  console.log(
    "\n| run | req/s | p50 ms | p95 ms | p99 ms | peak RSS | vs route | vs bare Node | target | verdict |",
  );
  console.log("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|");
  let failed = false;
  for (const row of rows) {
    const overLimit = row.rssPeak >= RSS_LIMIT;
    const speed =
      row.target !== undefined && route ? row.perSecond / route.perSecond >= row.target : undefined;
    const correct = row.problems.length === 0 && !overLimit;
    failed ||= !correct;
    const verdict = !correct
      ? `**fails**: ${[...row.problems, ...(overLimit ? ["RSS ≥ 512 MB"] : [])].join("; ")}`
      : speed === undefined
        ? row.name.startsWith("server RSS")
          ? "< 512 MB: met"
          : "—"
        : speed
          ? "met"
          : "**missed**";
    const figures = Number.isFinite(row.perSecond)
      ? [row.perSecond.toFixed(0), ms(row.p50), ms(row.p95), ms(row.p99)]
      : ["", "", "", ""];
    console.log(
      `| ${row.name} | ${figures.join(" | ")} | ${mb(row.rssPeak)} | ${ratio(row, route)} | ${ratio(row, bare)} | ${row.target ? `≥ ${percent(row.target)}` : ""} | ${verdict} |`,
    );
  }
  console.log(
    `\nServer: next start (pid ${app.pid}), PostgreSQL ${new URL(SERVER_URL).host}. "vs route" is against the faster of the route's runs. ` +
      `Peak RSS is the server's process tree (the bare server's own for its run).`,
  );
  console.log(
    failed
      ? "\nA correctness check FAILED (see the verdicts)."
      : "\nEvery correctness check passed (statuses, seat invariant, RSS < 512 MB).",
  );
  return failed;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
