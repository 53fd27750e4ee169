/**
 * The base images compose.yaml and the Dockerfile name, for a machine that cannot reach an image registry:
 * a Debian bookworm rootfs made with debootstrap becomes the base of local stand-ins for
 * node:24-bookworm-slim (the Node 24 binary of the npm package `node`), postgres:16 (Debian's PostgreSQL)
 * and caddy:2 (Debian's Caddy), tagged with those names. Each is made once and kept in podman's storage;
 * an image of that name that is already there (a real one, pulled where a registry can be reached) is used
 * as it is.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { note, podmanBuild, run, runOk } from "./shell";

export const DEBIAN_IMAGE = "localhost/alliance-standin/debian:bookworm";
export const STAND_INS = {
  node: "docker.io/library/node:24-bookworm-slim",
  postgres: "docker.io/library/postgres:16",
  caddy: "docker.io/library/caddy:2",
} as const;
export type StandIn = keyof typeof STAND_INS;

const CONTAINERFILES = path.resolve(import.meta.dirname);

export async function imageExists(image: string): Promise<boolean> {
  return (await run("podman", ["image", "exists", image], { quiet: true })).code === 0;
}

/** What the image is: one of our stand-ins (its label says which), or someone else's. */
async function describeImage(image: string): Promise<string> {
  const { stdout } = await runOk(
    "podman",
    ["image", "inspect", "--format", '{{index .Labels "alliance.stand-in"}}', image],
    { capture: true, quiet: true },
  );
  return stdout.trim() && stdout.trim() !== "<no value>"
    ? "the LOCAL STAND-IN made by an earlier run"
    : "an image already in podman's storage (not a stand-in)";
}

/** The Debian mirror this machine's apt uses (sources.list or deb822 .sources), for debootstrap. */
function debianMirror(): string {
  const files = [
    "/etc/apt/sources.list",
    ...listDir("/etc/apt/sources.list.d").map((name) => path.join("/etc/apt/sources.list.d", name)),
  ];
  for (const file of files.filter((name) => /\.(list|sources)$/.test(name) && existsSync(name))) {
    const text = readFileSync(file, "utf8");
    const oneLine = text.match(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(bookworm|trixie|sid|bullseye)\s/m)?.[1];
    if (oneLine && !/security/.test(oneLine)) return oneLine;
    for (const stanza of text.split(/\n\s*\n/)) {
      const uri = stanza.match(/^URIs:\s*(\S+)/m)?.[1];
      const suites = stanza.match(/^Suites:\s*(.+)$/m)?.[1] ?? "";
      if (
        uri &&
        /debian/.test(uri) &&
        !/security/.test(uri) &&
        /\b(bookworm|trixie|sid|bullseye)\b/.test(suites)
      )
        return uri;
    }
  }
  return "http://deb.debian.org/debian";
}

function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Debian bookworm, minimal, from the machine's mirror: the base of every stand-in. */
export async function ensureDebian(work: string): Promise<void> {
  if (await imageExists(DEBIAN_IMAGE)) {
    note(`${DEBIAN_IMAGE}: kept from an earlier run`);
    return;
  }
  const rootfs = path.join(work, "rootfs");
  rmSync(rootfs, { recursive: true, force: true });
  const mirror = debianMirror();
  note(`making ${DEBIAN_IMAGE} with debootstrap from ${mirror} (no registry needed)`);
  await runOk("debootstrap", ["--variant=minbase", "bookworm", rootfs, mirror], {
    logFile: path.join(work, "debootstrap.log"),
  });
  // What the official slim images leave out too: downloaded packages and package lists.
  await runOk("sh", ["-c", `rm -rf ${rootfs}/var/cache/apt/archives/*.deb ${rootfs}/var/lib/apt/lists/*`], {
    quiet: true,
  });
  await runOk("sh", [
    "-c",
    `tar -C ${rootfs} -c . | podman import --quiet --change 'CMD ["bash"]' - ${DEBIAN_IMAGE}`,
  ]);
  rmSync(rootfs, { recursive: true, force: true });
}

/**
 * node:24-bookworm-slim: the Debian base plus the Node 24 binary from node_modules/node (the project's
 * pinned Node) and the npm this machine runs, fetched from the npm registry.
 */
export async function ensureNode(work: string, root: string): Promise<void> {
  if (await imageExists(STAND_INS.node)) {
    note(`${STAND_INS.node}: ${await describeImage(STAND_INS.node)}`);
    return;
  }
  const context = path.join(work, "node-context");
  rmSync(context, { recursive: true, force: true });
  mkdirSync(context, { recursive: true });
  const node = path.join(root, "node_modules", "node", "bin", "node");
  const { stdout: version } = await runOk(node, ["--version"], { capture: true });
  if (!version.startsWith("v24."))
    throw new Error(`${node} is ${version.trim()}, not Node 24: run npm install first`);
  const { stdout: npmVersion } = await runOk("npm", ["--version"], { capture: true, quiet: true });
  note(
    `making a LOCAL STAND-IN for ${STAND_INS.node}: Debian bookworm + Node ${version.trim()} (npm package "node") + npm ${npmVersion.trim()}`,
  );
  await runOk("cp", [node, path.join(context, "node")]);
  await runOk("npm", ["pack", `npm@${npmVersion.trim()}`, "--pack-destination", context, "--silent"], {
    capture: true,
  });
  await runOk("tar", ["-xzf", path.join(context, `npm-${npmVersion.trim()}.tgz`), "-C", context]);
  renameSync(path.join(context, "package"), path.join(context, "npm"));
  await buildStandIn("node", context);
  rmSync(context, { recursive: true, force: true });
}

/** postgres:16 or caddy:2 from Debian's packages; `logFile` takes the build's output (they run in parallel). */
export async function ensureService(name: "postgres" | "caddy", logFile: string): Promise<string> {
  if (await imageExists(STAND_INS[name]))
    return `${STAND_INS[name]}: ${await describeImage(STAND_INS[name])}`;
  await buildStandIn(name, CONTAINERFILES, logFile);
  const what =
    name === "postgres"
      ? "Debian bookworm's PostgreSQL 15 (bookworm has no 16)"
      : "Debian bookworm's Caddy 2.6";
  return `${STAND_INS[name]}: made a LOCAL STAND-IN from ${what}, with the official image's interface`;
}

async function buildStandIn(name: StandIn, context: string, logFile?: string): Promise<void> {
  const file = path.join(CONTAINERFILES, `${name}.Containerfile`);
  await podmanBuild({ file, tag: STAND_INS[name], context }, logFile);
}
