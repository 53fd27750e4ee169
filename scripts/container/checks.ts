/**
 * What the container test proves once the stack runs: the image's deploy commands work against the
 * stack's PostgreSQL, and a delegate and an organizer get what they need through Caddy alone.
 */
import { randomBytes } from "node:crypto";
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { compose, type Stack, waitForHttp, waitHealthy } from "./stack";
import { NOISE, note, runOk, step } from "./shell";

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** A query in the stack's PostgreSQL, through psql in the db container; rows as lines, fields split by |. */
export async function sql(stack: Stack, query: string): Promise<string> {
  const { user, database } = stack.postgres;
  const { stdout } = await runOk(
    "podman",
    [
      "exec",
      stack.container("db"),
      "psql",
      "-X",
      "-q",
      "-A",
      "-t",
      "-v",
      "ON_ERROR_STOP=1",
      "-U",
      user,
      "-d",
      database,
      "-c",
      query,
    ],
    { capture: true },
  );
  return stdout.trim();
}

/** One of the image's commands, as an operator runs it: `docker compose run --rm app <command> …`. */
async function inImage(stack: Stack, args: string[], env: Record<string, string> = {}, shown?: string) {
  const envArgs = Object.entries(env).flatMap(([key, value]) => ["-e", `${key}=${value}`]);
  const result = await compose(stack, ["run", "--rm", "-T", "--no-deps", ...envArgs, "app", ...args], {
    shown: shown && `podman-compose -p ${stack.project} run --rm -T --no-deps ${shown}`,
    capture: true,
  });
  const output = `${result.stdout}${result.stderr}`
    .split("\n")
    .filter(
      (line) =>
        line.trim() &&
        !NOISE.test(line) &&
        !/^(\['podman'|using podman version|podman (run|version|--version)|exit code:|\*\* excluding:|podman-composer? version)/.test(
          line,
        ),
    )
    .join("\n");
  for (const line of output.split("\n")) note(`| ${line}`);
  expect(result.code === 0, `${args[0]} in the image exited with ${result.code}`);
  return output;
}

export async function createAdmin(stack: Stack): Promise<{ email: string; password: string }> {
  const admin = {
    email: `admin-${randomBytes(3).toString("hex")}@container-test.example`,
    password: randomBytes(12).toString("hex"),
  };
  step("Create the first admin with the image's admin:create (docker compose run --rm app admin:create …)");
  await inImage(
    stack,
    ["admin:create", "--email", admin.email, "--name", "Container Test"],
    { ADMIN_PASSWORD: admin.password },
    `-e ADMIN_PASSWORD=… app admin:create --email ${admin.email} --name 'Container Test'`,
  );
  const row = await sql(stack, `SELECT role FROM "User" WHERE email = '${admin.email}'`);
  expect(row === "admin", `expected one admin row for ${admin.email}, found "${row}"`);
  note(`the database has ${admin.email} with the role admin`);
  return admin;
}

export async function seedDemo(stack: Stack): Promise<void> {
  step("Load the 2017 demo meeting with the image's db:seed (a production install has no meeting)");
  await inImage(stack, ["db:seed"]);
  const meetings = await sql(stack, `SELECT count(*) FROM "Meeting" WHERE slug = '2017'`);
  expect(meetings === "1", `expected the meeting 2017 after db:seed, found ${meetings}`);
}

/** A registration through Caddy, as README "Registration" describes the API. */
async function postRegistration(stack: Stack): Promise<{ id: string; status: string; email: string }> {
  const cityId = await sql(stack, `SELECT id FROM "City" ORDER BY id LIMIT 1`);
  const email = `delegate-${randomBytes(3).toString("hex")}@container-test.example`;
  const body = {
    givenName: "Lena",
    familyName: "Container",
    email,
    role: "delegate",
    language: "en",
    cityId,
    sessionIds: [],
    privacyConsent: true,
  };
  const response = await fetch(`${stack.publicUrl}/api/meetings/2017/registrations`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "accept-language": "en",
      "idempotency-key": randomBytes(16).toString("hex"),
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { id?: string; status?: string; manageUrl?: string };
  note(
    `POST /api/meetings/2017/registrations → ${response.status} ${JSON.stringify({ id: answer.id, status: answer.status })}`,
  );
  expect(
    response.status === 201 && answer.id && answer.status,
    `expected 201, got ${response.status}: ${JSON.stringify(answer)}`,
  );
  expect(
    answer.manageUrl?.startsWith(`${stack.publicUrl}/`),
    `the manage link should start with PUBLIC_URL: ${answer.manageUrl?.slice(0, 40)}…`,
  );
  return { id: answer.id, status: answer.status, email };
}

export async function register(stack: Stack): Promise<void> {
  step("Register a delegate through Caddy: POST /api/meetings/2017/registrations");
  const { id, status, email } = await postRegistration(stack);
  const row = await sql(stack, `SELECT id, status FROM "Registration" WHERE email = '${email}'`);
  expect(row === `${id}|${status}`, `expected the row ${id}|${status} in PostgreSQL, found "${row}"`);
  note(`PostgreSQL has the registration ${id} with status ${status}`);
}

/** next-auth's credentials flow, as the sign-in form does it: CSRF token, then the callback. */
export async function signIn(stack: Stack, admin: { email: string; password: string }): Promise<void> {
  step(
    "Sign in through Caddy (next-auth: /api/auth/csrf, then /api/auth/callback/credentials) and open /en/admin",
  );
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(";")[0] ?? "";
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookies = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

  const anonymous = await fetch(`${stack.publicUrl}/en/admin`, { redirect: "manual" });
  note(`without a session: GET /en/admin → ${anonymous.status} ${anonymous.headers.get("location") ?? ""}`);
  expect(
    anonymous.status >= 300 && anonymous.status < 400,
    `expected a redirect to the sign-in page without a session, got ${anonymous.status}`,
  );

  const csrf = await fetch(`${stack.publicUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  expect(csrfToken, "no CSRF token");
  const callback = await fetch(`${stack.publicUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: stack.publicUrl,
      cookie: cookies(),
    },
    body: new URLSearchParams({ csrfToken, email: admin.email, password: admin.password, json: "true" }),
  });
  keep(callback);
  const session = [...jar.keys()].find((name) => name.endsWith("next-auth.session-token"));
  note(`POST /api/auth/callback/credentials → ${callback.status}, session cookie: ${session ?? "none"}`);
  expect(callback.status === 200 && session, `sign-in failed: ${callback.status} ${await callback.text()}`);

  const page = await fetch(`${stack.publicUrl}/en/admin`, {
    redirect: "manual",
    headers: { cookie: cookies() },
  });
  const html = await page.text();
  note(`with the session: GET /en/admin → ${page.status}`);
  expect(page.status === 200, `expected 200 for /en/admin with the session, got ${page.status}`);
  expect(
    html.includes(admin.email) || html.includes("Container Test"),
    "the admin page does not name the signed-in admin",
  );
  note("the page names the signed-in admin");
}

/** Only Caddy publishes a port: the app and PostgreSQL are reachable on the stack's networks alone. */
export async function onlyCaddyIsPublished(stack: Stack): Promise<void> {
  step("Check that only Caddy is reachable from outside (no published port for app, db)");
  for (const service of ["app", "db", "caddy"] as const) {
    const ports = (
      await runOk("podman", ["port", stack.container(service)], { capture: true, quiet: true })
    ).stdout.trim();
    note(`${service}: ${ports ? ports.replace(/\n/g, ", ") : "no published port"}`);
    if (service === "caddy")
      expect(
        ports.includes(`0.0.0.0:${new URL(stack.publicUrl).port}`),
        "caddy should publish the HTTP port",
      );
    else expect(ports === "", `${service} must not publish a port`);
  }
  const networks = (
    await runOk(
      "podman",
      [
        "inspect",
        "--format",
        "{{range $name, $_ := .NetworkSettings.Networks}}{{$name}} {{end}}",
        stack.container("db"),
      ],
      { capture: true, quiet: true },
    )
  ).stdout.trim();
  const internal = (
    await runOk("podman", ["network", "inspect", "--format", "{{.Internal}}", networks], {
      capture: true,
      quiet: true,
    })
  ).stdout.trim();
  note(`db is only on ${networks} (internal: ${internal})`);
  expect(!networks.includes(" ") && internal === "true", "db should be on the internal network only");
}

export async function retentionDryRun(stack: Stack): Promise<void> {
  step("Run retention -- --dry-run in the image");
  const output = await inImage(stack, ["retention", "--", "--dry-run"]);
  expect(/Dry run, nothing changed/.test(output), "retention --dry-run did not say it was a dry run");
  expect(/^2017: /m.test(output), "retention --dry-run did not report the meeting 2017");
}

/** With no admin yet, the app prints the one-time setup link once at start: `docker compose logs app`. */
export async function setupLinkInLogs(stack: Stack): Promise<void> {
  step("Find the one-time setup link in the app's log (docker compose logs app)");
  const { stdout, stderr } = await runOk("podman", ["logs", stack.container("app")], {
    capture: true,
    quiet: true,
  });
  const link = `${stdout}${stderr}`.match(/(https?:\/\/\S+\/admin\/setup\/)\S+/)?.[1];
  expect(
    link?.startsWith(`${stack.publicUrl}/`),
    `the app's log has no setup link under PUBLIC_URL:\n${stdout}${stderr}`,
  );
  note(`the log has ${link}… (token not shown)`);
}

const COUNTS = `SELECT (SELECT count(*) FROM "Registration") || ' registrations, ' || (SELECT count(*) FROM "User") || ' accounts'`;

/**
 * README "Deploy": the backup (pg_dump through the db container into a file on the host), a change after
 * it, `docker compose stop app` (SIGTERM: the app exits 0), the restore (pg_restore --clean), which takes
 * the change back, and `docker compose start app`.
 */
export async function backupAndRestore(stack: Stack, work: string): Promise<void> {
  const db = stack.container("db");
  const file = path.join(work, `${stack.project}.dump`);
  step("Back up (README): docker compose exec -T db sh -c 'pg_dump … --format=custom' > file");
  await runOk("sh", [
    "-c",
    `podman exec ${db} sh -c 'pg_dump -U "$POSTGRES_USER" -d "$POSTGRES_DB" --format=custom' > ${file}`,
  ]);
  const backedUp = await sql(stack, COUNTS);
  note(`${statSync(file).size} bytes, of a database with ${backedUp}`);

  step("Change something after the backup: one more registration through Caddy");
  await postRegistration(stack);
  note(`the database has ${await sql(stack, COUNTS)}`);

  step("Stop the app as docker compose stop does (SIGTERM, then its grace period): it exits 0");
  await runOk("podman", ["stop", "-t", "20", stack.container("app")], { capture: true });
  const code = (
    await runOk("podman", ["inspect", "--format", "{{.State.ExitCode}}", stack.container("app")], {
      capture: true,
      quiet: true,
    })
  ).stdout.trim();
  note(`app exited with ${code}`);
  expect(code === "0", `the app should exit 0 on SIGTERM, not ${code}`);

  step(
    "Restore (README): docker compose exec -T db sh -c 'pg_restore … --clean --if-exists --no-owner' < file",
  );
  await runOk("sh", [
    "-c",
    `podman exec -i ${db} sh -c 'pg_restore -U "$POSTGRES_USER" -d "$POSTGRES_DB" --clean --if-exists --no-owner' < ${file}`,
  ]);
  const restored = await sql(stack, COUNTS);
  note(`the database has ${restored} again`);
  expect(restored === backedUp, `after the restore the database should have ${backedUp}, not ${restored}`);
  rmSync(file, { force: true });

  step("Start the app again (docker compose start app): healthy, and answering through Caddy");
  await runOk("podman", ["start", stack.container("app")], { capture: true });
  await waitHealthy(stack.container("app"), 120);
  await waitForHttp(`${stack.publicUrl}/api/health`, 30);
}
