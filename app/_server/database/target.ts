import "server-only";
import { env } from "../env";
import type { DatabaseTarget } from "./adapter";

/** The database this process uses: DATABASE_URL when set, otherwise the embedded folder. */
export function configuredTarget(): DatabaseTarget {
  const { DATABASE_URL, DATA_DIR } = env();
  return DATABASE_URL ? { kind: "postgres", url: DATABASE_URL } : { kind: "pglite", dataDir: DATA_DIR };
}
