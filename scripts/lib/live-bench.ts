/**
 * The live show under `npm run bench` (scenario `live`): many viewers follow a ceremony's public stream
 * on one instance while an organizer presses "next"; measured is the time from sending "next" to the
 * last viewer's event of that step, against one viewer in the same run, and the server's memory.
 */
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { run } from "./app-server";

export type LiveFigures = {
  viewers: number;
  steps: number;
  /** Milliseconds from sending "next" to the last viewer's event, per step. */
  p50: number;
  p95: number;
  max: number;
  /** The command's own round trip (its answer), p50. */
  commandP50: number;
  rssPeak: number;
  problems: string[];
};

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Presses of "next" before the measured ones, so that the first measured step meets a warm server. */
const WARM_UP_STEPS = 5;

/** A published ceremony of the meeting with `segments` one-minute segments, starting now. */
async function benchCeremony(sql: pg.Client, meetingSlug: string, segments: number): Promise<string> {
  const id = `bench${randomBytes(8).toString("hex")}`;
  await sql.query(
    `INSERT INTO "Session" ("id", "meetingId", "slug", "kind", "status", "titleDe", "startsAt", "endsAt", "firstPublishedAt", "updatedAt")
     SELECT $1, "id", $1, 'ceremony', 'published', 'Benchmark', now(), now() + $3 * interval '1 minute', now(), now()
     FROM "Meeting" WHERE "slug" = $2`,
    [id, meetingSlug, segments],
  );
  await sql.query(
    `INSERT INTO "CeremonySegment" ("id", "sessionId", "position", "durationMinutes", "titleDe")
     SELECT $1 || '-' || position, $1, position, 1, 'Teil ' || position FROM generate_series(0, $2 - 1) AS position`,
    [id, segments],
  );
  return id;
}

/** An admin account made with `npm run admin:create`, signed in through next-auth: its cookie header. */
export async function signedInCookie(baseUrl: string, databaseUrl: string): Promise<string> {
  const email = `bench-${randomUUID()}@bench.example`;
  const password = randomBytes(18).toString("base64url");
  await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/admin-create.ts", "--email", email, "--name", "Benchmark"],
    { DATABASE_URL: databaseUrl, ADMIN_PASSWORD: password },
  );
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const split = pair.indexOf("=");
      jar.set(pair.slice(0, split), pair.slice(split + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(signIn);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token")))
    throw new Error(`Signing in for the live benchmark failed (${signIn.status})`);
  return header();
}

type Viewer = { versions: Map<number, number>; close(): void; failed: string | null };

/** One viewer: reads the stream and notes when each version's event arrived. */
async function openViewer(url: string): Promise<Viewer> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: "text/event-stream" } });
  if (response.status !== 200 || !response.body) throw new Error(`${url} answered ${response.status}`);
  const viewer: Viewer = { versions: new Map(), close: () => abort.abort(), failed: null };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let split: number;
        while ((split = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const id = /^id: (\d+)$/m.exec(block);
          if (id && !viewer.versions.has(Number(id[1])))
            viewer.versions.set(Number(id[1]), performance.now());
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) viewer.failed = (error as Error).message;
    }
  })();
  return viewer;
}

const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? NaN;
};

/**
 * `viewers` streams of a fresh ceremony, then `steps` presses of "next" (after a few not counted), each
 * waited for until every viewer has its event (at most 10 s). Memory is the server's peak while the viewers are connected.
 */
export async function measureLive(options: {
  baseUrl: string;
  sql: pg.Client;
  meetingSlug: string;
  cookie: string;
  viewers: number;
  steps: number;
  rss: { reset(): number };
}): Promise<LiveFigures> {
  const { baseUrl, sql, meetingSlug, cookie, viewers, steps, rss } = options;
  const sessionId = await benchCeremony(sql, meetingSlug, WARM_UP_STEPS + steps + 1);
  const streamUrl = `${baseUrl}/api/meetings/${meetingSlug}/sessions/${sessionId}/live`;
  const commandUrl = `${baseUrl}/api/admin/meetings/${meetingSlug}/sessions/${sessionId}/live?lang=en`;
  const problems: string[] = [];
  const send = async (action: string, expectedVersion: number) => {
    const started = performance.now();
    const response = await fetch(commandUrl, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ commandId: randomUUID(), action, expectedVersion }),
    });
    const answered = performance.now();
    if (response.status !== 200) problems.push(`${action} answered ${response.status}`);
    await response.arrayBuffer();
    return { started, took: answered - started };
  };
  await send("start", 0);
  rss.reset();
  const open: Viewer[] = [];
  for (let index = 0; index < viewers; index += 50)
    open.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, viewers - index) }, () => openViewer(streamUrl)),
      )),
    );
  const latencies: number[] = [];
  const commandTimes: number[] = [];
  try {
    for (let step = 1; step <= WARM_UP_STEPS + steps; step++) {
      const version = step + 1;
      const { started, took } = await send("next", step);
      commandTimes.push(took);
      const deadline = performance.now() + 10_000;
      while (open.some((viewer) => !viewer.versions.has(version)) && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 1));
      const missing = open.filter((viewer) => !viewer.versions.has(version)).length;
      if (missing > 0) problems.push(`step ${step}: ${missing} viewers without the event after 10 s`);
      if (step <= WARM_UP_STEPS) {
        commandTimes.pop();
        continue;
      }
      latencies.push(Math.max(...open.map((viewer) => (viewer.versions.get(version) ?? deadline) - started)));
    }
  } finally {
    for (const viewer of open) viewer.close();
  }
  const failed = open.filter((viewer) => viewer.failed).length;
  if (failed > 0) problems.push(`${failed} streams broke`);
  return {
    viewers,
    steps,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: Math.max(...latencies),
    commandP50: percentile(commandTimes, 0.5),
    rssPeak: rss.reset(),
    problems,
  };
}
