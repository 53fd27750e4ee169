import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * PrismaPg 7.10 runs a script (a migration) by splitting it on every ";", which breaks SQL with a
 * semicolon inside a string literal or a function body, as hand-written data migrations have. PostgreSQL's
 * simple query protocol runs a whole multi-statement script in one round trip, as PGlite's adapter does.
 *
 * The script goes to the adapter's pool (public: underlyingDriver()). A failure is converted as the
 * adapter converts its own, into Prisma's DriverAdapterError (which the migration engine reads), through
 * its protected onError: the conversion is not exported, and copying it would drift. That member is the
 * one non-public part of Prisma's adapters the app uses, here only; pg-whole-scripts.test.ts fails when an
 * upgrade changes it, or when PrismaPg runs scripts whole itself and this module can go.
 */
export function runScriptsWhole(adapter: PgAdapter): PgAdapter {
  const convert = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      convert(error);
    }
  };
  return adapter;
}

/** PrismaPg whose adapters run scripts whole. */
export class PrismaPgWholeScripts extends PrismaPg {
  override async connect() {
    return runScriptsWhole(await super.connect());
  }
}
