import "server-only";
import { z } from "zod";

/**
 * The one place that reads process.env. Validated once, at first use, so that a bad value fails loudly
 * at start-up instead of halfway through a request.
 */
const schema = z.object({
  /** PostgreSQL connection string. Unset: embedded PGlite in DATA_DIR. */
  DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      error:
        "not a PostgreSQL connection string such as postgresql://user:password@host:5432/database (leave it unset for the embedded database)",
    })
    .optional(),
  /** Folder of the embedded database. Unset: `.data/pglite`, or `.data/demo` for the demo, so that the
   *  demo's accounts, whose password the README publishes, never land in a real installation's folder. */
  DATA_DIR: z.string().min(1).optional(),
  /** Set to "false" to keep the embedded server from migrating and loading the alliance's facts at start-up. */
  DB_AUTO_SETUP: z.enum(["true", "false"]).default("true"),
  /** "true" only through `npm run demo`: the embedded server also loads the 2017 demo meeting, sign-in
   *  accounts with the password the README publishes, and invented delegates; the back office says so.
   *  Ignored with DATABASE_URL. */
  DEMO: z.enum(["true", "false"]).default("false"),
  /** Address of the app as delegates reach it: links in emails and API answers. Never taken from the
   *  request's Host header, which a client controls. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
  /** SMTP server for outgoing email, e.g. smtp://user:pass@mail.example.org:587. Unset: emails wait in the outbox. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Sender of outgoing email. */
  MAIL_FROM: z.string().min(3).default("Städteallianz <noreply@localhost>"),
  /** Delivery attempts per email before it is marked failed. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Emails of a message to chosen delegates (the paced kinds, mail/kinds.ts) that leave in any 60 seconds,
   *  across every instance: a mail server takes a message to hundreds at once for a flood. Other emails
   *  (confirmations, links) never wait for them. */
  MAIL_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
  /** Registration attempts per client address and hour (form and API). */
  RATE_LIMIT_REGISTRATIONS: z.coerce.number().int().min(1).default(60),
  /** "Lost your link?" requests per client address, and per email address, and hour. */
  RATE_LIMIT_LOST_LINK: z.coerce.number().int().min(1).default(5),
  /** The app's secret (at least 32 characters): signs sessions, derives every other key (security/secret.ts).
   *  Unset: one made once and kept in the database. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Keys of the visa-letter data (passport details), "id:key" pairs separated by commas, each key 32
   *  random bytes in base64 (`openssl rand -base64 32`); the first is the one new values are encrypted
   *  with, the others still decrypt what they encrypted until the retention run has re-encrypted it.
   *  Unset: a key derived from the app's secret (security/field-cipher.ts). */
  VISA_DATA_KEYS: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const keys = parseVisaDataKeys(value);
      if (typeof keys === "string") {
        context.addIssue({ code: "custom", message: keys });
        return z.NEVER;
      }
      return keys;
    }),
  /** Hours an organizer stays signed in, counted from sign-in and never extended by use. */
  AUTH_SESSION_HOURS: z.coerce.number().int().min(1).max(24).default(8),
  /** Minutes without a request after which a session ends. */
  AUTH_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  /** Reverse proxies in front of the app, each adding the address it sees to X-Forwarded-For: the client
   *  is that many entries from the right (1: the compose file's Caddy). 0 ignores the header, and every
   *  request then counts as one client (http.ts, clientAddress). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
  /** Seconds a stopping server (SIGTERM) gives the requests under way and the outbox before it exits. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /** Next.js's own switch: set (any value), `next start` leaves SIGTERM and SIGINT to the app (shutdown.ts).
   *  `npm start` sets it; read here only to know who stops the server. */
  NEXT_MANUAL_SIG_HANDLE: z.string().optional(),
  /** Days after a meeting's last day (a date in the meeting's own time zone) after which `npm run
   *  retention` anonymizes its registrations: from 00:00 of that day, in that zone. At least 1, so that
   *  nothing is removed while the meeting is still on. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** The port the server listens on: `next start`'s documented variable (`-p` overrides it, and then
   *  Next.js writes it here itself). The agenda's page cache asks the server itself there (ownOrigin). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address `npm start` listens on (its --hostname). Unset or every interface: the loopback. */
  HOST: z.string().min(1).optional(),
  /** "1" opens /api/bench/baseline, the no-database route handler that scripts/bench.ts (`npm run bench`)
   *  compares the app with. Off in production: it serves nothing anyone needs. */
  BENCH_BASELINE: z.enum(["0", "1"]).default("0"),
});

/** A key of VISA_DATA_KEYS: its id is stored in front of each value it encrypts. */
export type DataKey = { id: string; key: Buffer };

/**
 * VISA_DATA_KEYS's "id:base64key,…" as keys, the current one first; or what is wrong with it, in words
 * that never include a key. "app" is the id of the key derived from the app's secret, so no listed key
 * may take it.
 */
export function parseVisaDataKeys(value: string): DataKey[] | string {
  const keys: DataKey[] = [];
  for (const entry of value.split(",")) {
    const [id, encoded, ...rest] = entry.trim().split(":");
    if (!id || !/^[A-Za-z0-9_-]{1,20}$/.test(id) || encoded === undefined || rest.length > 0)
      return 'each entry must be "id:key", the id of letters, digits, - and _ (at most 20)';
    if (id === "app") return 'the id "app" is reserved for the key derived from the app\'s secret';
    if (keys.some((other) => other.id === id)) return `the id ${id} is listed twice`;
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32 || key.toString("base64").replace(/=+$/, "") !== encoded.replace(/=+$/, ""))
      return `the key of ${id} must be 32 bytes in base64 (openssl rand -base64 32)`;
    keys.push({ id, key });
  }
  return keys;
}

/** What the variables mean together: `demo` says whether this process shows the demo; DATA_DIR is settled. */
const settings = schema.transform(({ DATA_DIR, ...rest }) => {
  const demo = rest.DEMO === "true" && !rest.DATABASE_URL;
  return { ...rest, demo, DATA_DIR: DATA_DIR ?? (demo ? ".data/demo" : ".data/pglite") };
});

export type Env = z.output<typeof settings>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = settings.safeParse(emptyToUndefined(process.env));
    if (!parsed.success) {
      throw new EnvironmentError(parsed.error);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * The variables that are wrong and what is wrong with each, on one line: never their values, since a
 * connection string holds a password. Scripts print it as it is; the server stops with it at start-up.
 */
export class EnvironmentError extends Error {
  constructor(error: z.ZodError) {
    const problems = error.issues.map(
      (issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`,
    );
    super(`Invalid environment: ${problems.join("; ")}.`);
    this.name = "EnvironmentError";
  }
}

/** `FOO=` in a .env file means "not set", not "set to the empty string". */
function emptyToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
}
