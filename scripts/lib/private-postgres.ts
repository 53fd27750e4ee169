/**
 * A PostgreSQL cluster of the script's own, in a temporary folder on a free port, that it may stop and
 * start at will (the fault run stops it under load). Never the machine's own server. Made with the
 * Debian/Ubuntu server binaries (/usr/lib/postgresql/<version>/bin), run as the `postgres` OS user when
 * the script runs as root (PostgreSQL refuses to run as root).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

export type PrivateCluster = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: sessions are ended at once (57P01), as in a restart or failover. */
  stop(): void;
  /** Starts again and returns once it accepts connections. */
  start(): void;
  /** Stops it if running and deletes its folder. Safe to call twice. */
  remove(): void;
};

function serverBinaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const bin = versions
    .map((version) => path.join(root, version, "bin"))
    .find((folder) => existsSync(path.join(folder, "pg_ctl")));
  if (!bin)
    throw new Error(`No PostgreSQL server binaries in ${root}/<version>/bin (apt install postgresql)`);
  return bin;
}

/** The first port from `from` on which nothing listens. */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${from}–${from + 99}`);
}

export async function createPrivateCluster(options: { port?: number } = {}): Promise<PrivateCluster> {
  const bin = serverBinaries();
  const port = await freePort(options.port ?? 5439);
  const folder = mkdtempSync(path.join(tmpdir(), "faults-pg-"));
  const data = path.join(folder, "data");
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(folder, uid, gid);
    chmodSync(folder, 0o700);
  }
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? "runuser" : path.join(bin, program),
      asRoot ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args,
      {
        stdio: "pipe",
      },
    );
  const ctl = (...args: string[]) =>
    run("pg_ctl", ["-D", data, "-l", path.join(folder, "server.log"), ...args]);

  let running = false;
  let removed = false;
  const cluster: PrivateCluster = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start() {
      // Sockets in the cluster's own folder; TCP on 127.0.0.1 only.
      ctl("-o", `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`, "-w", "start");
      running = true;
    },
    stop() {
      if (!running) return;
      ctl("-m", "fast", "-w", "stop");
      running = false;
    },
    remove() {
      if (removed) return;
      try {
        cluster.stop();
      } catch {
        // already down
      }
      rmSync(folder, { recursive: true, force: true });
      removed = true;
    },
  };
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-instructions"]);
    cluster.start();
  } catch (error) {
    cluster.remove();
    throw error;
  }
  return cluster;
}
