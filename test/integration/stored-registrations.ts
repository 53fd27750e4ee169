/**
 * What the fuzz tests check after a run: every stored registration passes its own schema again
 * unchanged and holds no control characters, and every session's seat counter equals its seat rows and
 * stays within capacity. App modules are imported lazily (see test/integration/setup.ts).
 */
import { expect, it } from "vitest";
import { FORBIDDEN_CONTROL, fuzzTimeout } from "@/test/fuzz";

/** The last test of a fuzz file, once its properties have run: at least one registration was stored. */
export function itStoredOnlyValidRegistrations() {
  it(
    "stored only registrations that pass the schema again, without control characters, and kept the seat invariant",
    async () => {
      expect(await expectStoredRegistrationsValid()).toBeGreaterThan(0);
    },
    fuzzTimeout(),
  );
}

async function expectStoredRegistrationsValid(): Promise<number> {
  const { db } = await import("@/app/_server/db");
  const { delegateDetails } = await import("@/app/_lib/registration/fields");
  // Every field the schema has, so that a field added to it is checked here too.
  const fields = Object.keys(delegateDetails.shape) as (keyof typeof delegateDetails.shape)[];
  const rows = await db.registration.findMany({
    select: Object.fromEntries(fields.map((field) => [field, true])) as Record<(typeof fields)[number], true>,
  });
  for (const row of rows) {
    const reparsed = delegateDetails.safeParse(row);
    expect(reparsed.success, `${JSON.stringify(row)}: ${reparsed.error?.message}`).toBe(true);
    // Parsing again changes nothing: what was stored is what the schema makes of it.
    expect(reparsed.data).toEqual(row);
    for (const [field, value] of Object.entries(row)) {
      if (typeof value === "string")
        expect(FORBIDDEN_CONTROL.test(value), `${field}: ${JSON.stringify(value)}`).toBe(false);
    }
  }
  const sessions = await db.session.findMany({
    where: { capacity: { not: null } },
    select: {
      id: true,
      capacity: true,
      seatsTaken: true,
      _count: { select: { seats: { where: { status: "confirmed" } } } },
    },
  });
  for (const session of sessions) {
    expect(session.seatsTaken, session.id).toBe(session._count.seats);
    expect(session.seatsTaken, session.id).toBeLessThanOrEqual(session.capacity!);
  }
  return rows.length;
}
