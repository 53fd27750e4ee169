/**
 * compose.yaml's stack under podman-compose. Debian's podman-compose (1.0.3) creates what the file says
 * (networks, volumes, containers with their environment, healthchecks, ports) but starts everything at
 * once, ignoring `depends_on` conditions, and podman runs no healthcheck by itself where systemd does not
 * run. So the test creates the stack with podman-compose and starts the services itself in the order the
 * conditions give, running each healthcheck until it passes: db healthy → migrate completed successfully
 * → app healthy → caddy.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { note, run, runOk, step, type RunOptions } from "./shell";

export interface Stack {
  project: string;
  composeFile: string;
  env: NodeJS.ProcessEnv;
  publicUrl: string;
  postgres: { user: string; password: string; database: string };
  container: (service: "db" | "migrate" | "app" | "caddy") => string;
}

export function defineStack(root: string, appImage: string, httpPort: number, httpsPort: number): Stack {
  const project = `alliancetest${randomBytes(3).toString("hex")}`;
  const postgres = { user: "alliance", password: randomBytes(18).toString("hex"), database: "alliance" };
  const publicUrl = `http://localhost:${httpPort}`;
  return {
    project,
    composeFile: path.join(root, "compose.yaml"),
    // What an operator's .env holds (deploy/.env.example), for a plain-HTTP site on a free port.
    env: {
      ...process.env,
      APP_IMAGE: appImage,
      SITE_ADDRESS: "http://localhost",
      PUBLIC_URL: publicUrl,
      HTTP_PORT: String(httpPort),
      HTTPS_PORT: String(httpsPort),
      POSTGRES_USER: postgres.user,
      POSTGRES_PASSWORD: postgres.password,
      POSTGRES_DB: postgres.database,
      SMTP_URL: "",
      MAIL_FROM: "Städteallianz <noreply@container-test.example>",
      // As deploy/.env.example asks: the passport details' key of this installation.
      VISA_DATA_KEYS: `1:${randomBytes(32).toString("base64")}`,
    },
    publicUrl,
    postgres,
    container: (service) => `${project}_${service}_1`,
  };
}

export function compose(stack: Stack, args: string[], options: RunOptions = {}) {
  return run("podman-compose", ["-p", stack.project, "-f", stack.composeFile, ...args], {
    env: stack.env,
    ...options,
  });
}

export async function startStack(stack: Stack): Promise<void> {
  step("Create the stack from compose.yaml (podman-compose up --no-start)");
  note("podman-compose 1.0.3 ignores depends_on conditions and podman runs no healthchecks without systemd:");
  note(
    "the test starts each service in the order compose.yaml's conditions give and runs its healthcheck itself.",
  );
  const created = await compose(stack, ["up", "--no-build", "--no-start"], { capture: true });
  if (created.code !== 0) throw new Error(`podman-compose up failed:\n${created.stdout}${created.stderr}`);

  step("Start db; wait until its healthcheck (pg_isready) passes");
  await runOk("podman", ["start", stack.container("db")]);
  await waitHealthy(stack.container("db"), 90);

  step("Run migrate (db:migrate) to completion: the app may start only after it succeeded");
  await run("podman", ["start", "--attach", stack.container("migrate")]);
  const exitCode = (
    await runOk("podman", ["inspect", "--format", "{{.State.ExitCode}}", stack.container("migrate")], {
      capture: true,
      quiet: true,
    })
  ).stdout.trim();
  if (exitCode !== "0") throw new Error(`migrate exited with ${exitCode}`);
  note("migrate exited with 0");

  step("Start app; wait until its healthcheck (GET /api/health) passes");
  await runOk("podman", ["start", stack.container("app")]);
  await waitHealthy(stack.container("app"), 120);

  step(`Start caddy (SITE_ADDRESS=http://localhost, published on ${stack.publicUrl})`);
  await runOk("podman", ["start", stack.container("caddy")]);
  await waitForHttp(`${stack.publicUrl}/api/health`, 60);
}

export async function waitHealthy(container: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (let attempt = 1; ; attempt++) {
    const check = await run("podman", ["healthcheck", "run", container], { capture: true, quiet: true });
    if (check.code === 0) {
      note(`${container}: healthy (check ${attempt})`);
      return;
    }
    const state = (
      await run("podman", ["inspect", "--format", "{{.State.Status}}", container], {
        capture: true,
        quiet: true,
      })
    ).stdout.trim();
    if (state !== "running" || Date.now() > deadline) {
      const logs = await run("podman", ["logs", "--tail", "40", container], { capture: true, quiet: true });
      throw new Error(
        `${container} is not healthy (${state}) after ${attempt} checks:\n${logs.stdout}${logs.stderr}`,
      );
    }
    await sleep(1000);
  }
}

export async function waitForHttp(url: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) {
        note(`${url}: 200 ${await response.text()}`);
        return;
      }
      last = `status ${response.status}`;
    } catch (error) {
      last =
        error instanceof Error
          ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}`
          : String(error);
    }
    await sleep(1000);
  }
  throw new Error(`${url} did not answer 200 within ${seconds} s (last: ${last})`);
}

/** Removes the stack's containers, volumes and networks; the images stay. */
export async function tearDown(stack: Stack): Promise<void> {
  step(`Tear down ${stack.project}: containers, volumes, networks (images stay for the next run)`);
  await compose(stack, ["down", "-v", "-t", "5"], { capture: true });
  // podman-compose 1.0.3's `down` leaves the networks, and anything a failed start left half-made.
  const label = `label=io.podman.compose.project=${stack.project}`;
  for (const [kind, list] of [
    ["container", ["ps", "-a", "-q", "--filter", label]],
    ["volume", ["volume", "ls", "-q", "--filter", label]],
    ["network", ["network", "ls", "-q", "--filter", label]],
  ] as const) {
    const ids = (await run("podman", [...list], { capture: true, quiet: true })).stdout
      .split("\n")
      .filter(Boolean);
    if (ids.length === 0) continue;
    const remove = kind === "container" ? ["rm", "-f", "-t", "0", ...ids] : [kind, "rm", "-f", ...ids];
    await run("podman", remove, { capture: true });
  }
  const left = (
    await run("podman", ["ps", "-a", "-q", "--filter", label], { capture: true, quiet: true })
  ).stdout.trim();
  note(left ? `left over: ${left}` : "nothing of the stack is left");
}
