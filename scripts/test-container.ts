/**
 * npm run test:container — the deployment recipe, run for real with podman: builds the image from the
 * Dockerfile, starts compose.yaml's stack (PostgreSQL, migrations, the app, Caddy), creates the admin with
 * the image's admin:create, loads the demo meeting with db:seed, registers a delegate through Caddy and
 * finds the row in PostgreSQL, signs in through Caddy, checks that only Caddy publishes a port, runs
 * `retention -- --dry-run` in the image, backs up and restores as README "Deploy" says (with a stop of the
 * app: SIGTERM, exit 0), and removes the stack's containers, volumes and networks.
 *
 * Where no image registry can be reached (these machines), the base images — node:24-bookworm-slim,
 * postgres:16, caddy:2 — are made here as local stand-ins (scripts/container/base-images.ts) and kept in
 * podman's storage for the next run; the output says so. As root with apt it installs podman and what
 * goes with it; where containers cannot run it prints a SKIPPED line and exits 0.
 *
 *   CONTAINER_TEST_DIR   work folder (default /var/tmp/alliance-container-test)
 *   CONTAINER_TEST_KEEP  1: leave the stack running at the end, and print how to remove it
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { ensureDebian, ensureNode, ensureService } from "./container/base-images";
import {
  backupAndRestore,
  createAdmin,
  onlyCaddyIsPublished,
  register,
  retentionDryRun,
  seedDemo,
  setupLinkInLogs,
  signIn,
} from "./container/checks";
import { defineStack, startStack, tearDown, type Stack } from "./container/stack";
import { elapsed, hasCommand, note, podmanBuild, run, runOk, step } from "./container/shell";

const ROOT = path.resolve(import.meta.dirname, "..");
const WORK = process.env.CONTAINER_TEST_DIR ?? "/var/tmp/alliance-container-test";
const APP_IMAGE = "localhost/alliance-meeting:container-test";

function skip(reason: string): never {
  console.log(`*** SKIPPED: container test (npm run test:container). ${reason} ***`);
  process.exit(0);
}

/** podman, runc, debootstrap, podman-compose and bridge networking with DNS, installed when missing. */
async function ensureTools(): Promise<void> {
  step("Tools: podman, runc, debootstrap, podman-compose, netavark + aardvark-dns, iptables");
  const missing: string[] = [];
  // iptables: netavark sets up the bridge networks and published ports with it, and no package says so.
  for (const command of ["podman", "runc", "debootstrap", "podman-compose", "iptables"]) {
    if (!(await hasCommand(command))) missing.push(command);
  }
  for (const pkg of ["netavark", "aardvark-dns"]) {
    if (!existsSync(`/usr/lib/podman/${pkg}`)) missing.push(pkg);
  }
  if (missing.length === 0) {
    note("all there");
    return;
  }
  if (!(await hasCommand("apt-get"))) skip(`Missing ${missing.join(", ")}, and no apt-get to install them.`);
  console.log(`*** Installing with apt-get: ${missing.join(" ")} ***`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  await runOk("apt-get", ["update", "-q"], { env, logFile: path.join(WORK, "apt-get-update.log") });
  await runOk(
    "apt-get",
    [
      "install",
      "-y",
      "-q",
      "podman",
      "runc",
      "debootstrap",
      "podman-compose",
      "netavark",
      "aardvark-dns",
      "iptables",
    ],
    { env, logFile: path.join(WORK, "apt-get-install.log") },
  );
  note(`installed (log: ${path.join(WORK, "apt-get-install.log")})`);
}

/**
 * The podman settings verified on these machines, for this process only (CONTAINERS_CONF), leaving /etc alone: runc (crun
 * refuses these machines' hybrid cgroups), cgroupfs, and no default ulimits (raising them is not allowed);
 * and netavark, whose bridge networks (with DNS between containers) run compose.yaml as it is.
 */
function configurePodman(): void {
  const file = path.join(WORK, "containers.conf");
  writeFileSync(
    file,
    '[containers]\ndefault_ulimits = []\n\n[engine]\ncgroup_manager = "cgroupfs"\nruntime = "runc"\n\n[network]\nnetwork_backend = "netavark"\n',
  );
  process.env.CONTAINERS_CONF = file;
  note(
    `CONTAINERS_CONF=${file} (runc, cgroupfs, no default ulimits, netavark for compose.yaml's bridge networks)`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "0.0.0.0", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The app's image from the Dockerfile, with the build context the repository (less .dockerignore). */
async function buildApp(): Promise<void> {
  // This machine's certificate authorities, for npm in the build (the Dockerfile's optional secret): the
  // registry may be reached through a proxy that inspects TLS.
  const caBundle = [process.env.NODE_EXTRA_CA_CERTS, "/etc/ssl/certs/ca-certificates.crt"].find(
    (file) => file && existsSync(file),
  );
  if (caBundle)
    note(`npm in the build trusts this machine's certificate authorities (${caBundle}, as a build secret)`);
  const secret = caBundle ? ["--secret", `id=ca-certificates,src=${caBundle}`] : [];
  const log = path.join(WORK, "app-build.log");
  const build = (target: string[], tag: string) =>
    podmanBuild(
      { file: path.join(ROOT, "Dockerfile"), tag, context: ROOT, options: [...secret, ...target] },
      log,
    );
  // The build stage under a tag of its own, so that the cache keeps it (and the npm packages under it)
  // from one run to the next.
  await build(["--target", "build"], `${APP_IMAGE}-build`);
  await build([], APP_IMAGE);
  // What earlier builds left that nothing uses any more (the intermediate images of this Dockerfile that
  // no tag leads to), so that the storage does not grow with every run.
  await run(
    "podman",
    ["image", "prune", "-f", "--filter", "label=org.opencontainers.image.title=alliance-meeting"],
    { capture: true, quiet: true },
  );
  const [, size] = (
    await runOk("podman", ["image", "inspect", "--format", "{{.Id}} {{.Size}}", APP_IMAGE], {
      capture: true,
      quiet: true,
    })
  ).stdout
    .trim()
    .split(" ");
  note(`${APP_IMAGE}: ${Math.round(Number(size) / 1e6)} MB (build log: ${log})`);
}

async function main(): Promise<void> {
  console.log(`Container test: ${ROOT}`);
  // Rootful podman, as verified on these machines; rootless podman needs set-up these machines do not have.
  if (process.getuid?.() !== 0)
    skip("Not root: it runs podman as root and installs what is missing with apt-get.");
  mkdirSync(WORK, { recursive: true });
  await ensureTools();
  configurePodman();
  const info = await run(
    "podman",
    ["info", "--format", "{{.Host.OCIRuntime.Name}} {{.Host.CgroupManager}} {{.Host.NetworkBackend}}"],
    { capture: true },
  );
  if (info.code !== 0) skip(`podman cannot run here: ${info.stderr.trim().split("\n").pop()}`);
  note(`podman: ${info.stdout.trim()}`);

  step("Base images (no registry needed)");
  await ensureDebian(WORK);
  const probe = await run(
    "podman",
    ["run", "--rm", "--network", "host", "localhost/alliance-standin/debian:bookworm", "true"],
    { capture: true },
  );
  if (probe.code !== 0)
    skip(`podman cannot start a container here: ${probe.stderr.trim().split("\n").pop()}`);
  await ensureNode(WORK, ROOT);

  step("Build the app image from the Dockerfile, and the postgres and caddy images beside it");
  const services = Promise.all([
    ensureService("postgres", path.join(WORK, "postgres-build.log")),
    ensureService("caddy", path.join(WORK, "caddy-build.log")),
  ]);
  services.catch(() => {});
  await buildApp();
  for (const line of await services) note(line);

  const stack = defineStack(ROOT, APP_IMAGE, await freePort(), await freePort());
  let passed = false;
  const interrupted = () => void tearDown(stack).finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    await startStack(stack);
    await setupLinkInLogs(stack);
    const admin = await createAdmin(stack);
    await seedDemo(stack);
    await register(stack);
    await signIn(stack, admin);
    await onlyCaddyIsPublished(stack);
    await retentionDryRun(stack);
    await backupAndRestore(stack, WORK);
    passed = true;
  } finally {
    if (!passed) await dumpLogs(stack);
    if (process.env.CONTAINER_TEST_KEEP === "1") {
      note(
        `left running; remove with: podman-compose -p ${stack.project} -f compose.yaml down -v (and podman network rm for ${stack.project}_*)`,
      );
    } else {
      await tearDown(stack);
    }
  }
  console.log(`\nContainer test passed in ${elapsed()}.`);
}

async function dumpLogs(stack: Stack): Promise<void> {
  for (const service of ["migrate", "app", "caddy"] as const) {
    const logs = await run("podman", ["logs", "--tail", "40", stack.container(service)], {
      capture: true,
      quiet: true,
    });
    if (logs.code === 0) console.log(`--- last lines of ${service}:\n${logs.stdout}${logs.stderr}`);
  }
}

try {
  await main();
} catch (error) {
  console.error(
    `\nContainer test FAILED after ${elapsed()}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
