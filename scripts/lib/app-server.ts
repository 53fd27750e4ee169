/**
 * The production server as the benchmark and fault scripts need it: `next start` of the existing build in
 * a child process, with its own environment, started, waited for, measured (resident memory of the whole
 * process tree) and stopped, or killed, as often as a scenario asks.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/.bin/next");

export type AppServer = {
  url: string;
  pid: number;
  /** Resident memory of the server and its children now, in bytes. */
  rssBytes(): number;
  /** SIGTERM (a deploy) or SIGKILL (a crash), then waits for the process to be gone: how it ended. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
  /** What the server printed, for a report when something went wrong. */
  output(): string;
};

/** Builds when there is no production build yet (a benchmark of `next dev` would measure the wrong thing). */
export async function ensureBuild(): Promise<void> {
  if (existsSync(path.join(ROOT, ".next/BUILD_ID"))) return;
  console.log("No production build in .next: running next build …");
  await run(NEXT_BIN, ["build"], {});
}

/** The exit code, or the signal that ended the process. */
export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export async function startAppServer(options: {
  port: number;
  env: Record<string, string>;
  readyPath?: string;
  timeoutMs?: number;
}): Promise<AppServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(NEXT_BIN, ["start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    // NEXT_MANUAL_SIG_HANDLE as `npm start` sets it: SIGTERM is the app's (app/_server/shutdown.ts).
    env: {
      ...process.env,
      NODE_ENV: "production",
      PUBLIC_URL: url,
      // Where the server listens, as the app reads it (the agenda's page cache asks the server itself there).
      PORT: String(options.port),
      HOST: "127.0.0.1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  const keep = (chunk: Buffer) => (printed = (printed + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  // A caller that ends without stopping the server (a test whose hook timed out) takes it along.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  void exited.then(() => process.off("exit", orphanGuard));

  const server: AppServer = {
    url,
    pid: child.pid!,
    rssBytes: () => treeRssBytes(child.pid!),
    output: () => printed,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) {
        for (const pid of [...descendants(child.pid!), child.pid!]) tryKill(pid, signal);
      }
      return exited;
    },
  };
  try {
    await waitForReady(`${url}${options.readyPath ?? "/api/meetings"}`, child, options.timeoutMs ?? 90_000);
  } catch (error) {
    await server.stop("SIGKILL");
    throw new Error(`${(error as Error).message}\n--- server output ---\n${printed}`);
  }
  return server;
}

async function waitForReady(readyUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${readyUrl} did not answer within ${timeoutMs / 1000} s`);
}

/** Peak resident memory between `reset()` calls, sampled every 100 ms. */
export function rssSampler(server: Pick<AppServer, "rssBytes">) {
  let peak = 0;
  let overall = 0;
  const timer = setInterval(() => {
    const now = server.rssBytes();
    peak = Math.max(peak, now);
    overall = Math.max(overall, now);
  }, 100);
  timer.unref();
  return {
    /** The peak since the last reset, in bytes; starts a new interval. */
    reset(): number {
      const value = Math.max(peak, server.rssBytes());
      peak = 0;
      return value;
    },
    overallPeak: () => Math.max(overall, server.rssBytes()),
    stop: () => clearInterval(timer),
  };
}

/** Resident memory of a process and its children now, in bytes (0 once it is gone). */
export function treeRssBytes(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, each) => sum + rssOf(each), 0);
}

function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // gone meanwhile
  }
}

function descendants(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of listed ? listed.split(/\s+/).map(Number) : [])
        children.push(child, ...descendants(child));
    }
  } catch {
    // gone meanwhile
  }
  return children;
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Runs a command of the project to its end; rejects with its output when it fails. */
export function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let printed = "";
    child.stdout!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    child.once("exit", (code) =>
      code === 0
        ? resolve(printed)
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${printed}`)),
    );
  });
}

/** The project's database command (scripts/db.ts) against one database: migrate, seed, … */
export function dbCommand(command: "migrate" | "seed", databaseUrl: string): Promise<string> {
  return run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/db.ts", command],
    { DATABASE_URL: databaseUrl },
  );
}
