import "server-only";
import { z } from "zod";

/**
 * The one place that reads process.env. Validated once, at first use, so that a bad value fails loudly
 * at start-up instead of halfway through a request.
 */
const schema = z.object({
  /** PostgreSQL connection string. Unset: embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Folder of the embedded database. */
  DATA_DIR: z.string().min(1).default(".data/pglite"),
  /** Set to "false" to keep the embedded server from migrating and seeding at start-up. */
  DB_AUTO_SETUP: z.enum(["true", "false"]).default("true"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(emptyToUndefined(process.env));
    if (!parsed.success) {
      throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** `FOO=` in a .env file means "not set", not "set to the empty string". */
function emptyToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]));
}
