/**
 * The migration that splits a ceremony segment's notes into public text and internal notes: the notes
 * were props and cues for the crew, so they must land in the internal notes, every language's text
 * kept once, and nothing of them may stay public. Sessions out there are marked as published once;
 * cities keep their admission day and get its year.
 */
import { readdir } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/integration/databases";
import { applyMigrations, MIGRATIONS_DIR } from "./migrations";

const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const migration = folders.find((name) => name.endsWith("_city_status_internal_notes"))!;
const before = folders[folders.indexOf(migration) - 1]!;

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe(`migration ${migration}`, { timeout: 120_000 }, () => {
  it("moves segment notes to the internal notes, marks sessions out there as published, keeps admission days", async () => {
    const database = await createTestDatabase();
    databases.push(database);
    await applyMigrations(database.target, before);
    await database.exec(`
      INSERT INTO "City" ("id", "slug", "nameDe", "nameEn", "country", "joinedOn")
        VALUES ('koeln', 'cologne', 'Köln', 'Cologne', 'DE', '2017-04-24'), ('aachen', 'aachen', 'Aachen', 'Aachen', 'DE', NULL);
      INSERT INTO "Meeting" ("id", "slug", "titleDe", "titleEn", "titleZh", "venueName", "venueCity", "venueCountry",
          "timeZone", "startsOn", "endsOn", "updatedAt")
        VALUES ('m', '2017', 'T', 'T', 'T', 'Hannover Messe', 'Hannover', 'DE', 'Europe/Berlin', '2017-04-24',
          '2017-04-24', now());
      INSERT INTO "Session" ("id", "meetingId", "slug", "kind", "status", "titleDe", "startsAt", "endsAt", "createdAt",
          "updatedAt")
        VALUES
          ('published', 'm', 'a', 'ceremony', 'published', 'A', now(), now(), '2017-03-01 08:00:00+00', now()),
          ('cancelled', 'm', 'b', 'keynote', 'cancelled', 'B', now(), now(), '2017-03-02 08:00:00+00', now()),
          ('draft', 'm', 'c', 'keynote', 'draft', 'C', now(), now(), '2017-03-03 08:00:00+00', now());
      INSERT INTO "CeremonySegment" ("id", "sessionId", "position", "durationMinutes", "titleDe", "notesDe", "notesEn",
          "notesZh")
        VALUES
          ('three', 'published', 0, 5, 'Unterzeichnung', 'Tisch, zwei Füller', 'Table, two pens', '签字桌，两支钢笔'),
          ('same', 'published', 1, 5, 'Foto', 'Bühnenwand', 'Bühnenwand', NULL),
          ('english', 'published', 2, 5, 'Musik', NULL, 'String quartet', NULL),
          ('none', 'published', 3, 5, 'Schluss', NULL, NULL, NULL);
    `);

    await applyMigrations(database.target, migration);

    expect(
      await database.query(
        `SELECT "id", "internalNotes", "descriptionDe", "descriptionEn", "descriptionZh" FROM "CeremonySegment" ORDER BY "position"`,
      ),
    ).toEqual([
      {
        id: "three",
        internalNotes: "Tisch, zwei Füller\n\nTable, two pens\n\n签字桌，两支钢笔",
        descriptionDe: null,
        descriptionEn: null,
        descriptionZh: null,
      },
      {
        id: "same",
        internalNotes: "Bühnenwand",
        descriptionDe: null,
        descriptionEn: null,
        descriptionZh: null,
      },
      {
        id: "english",
        internalNotes: "String quartet",
        descriptionDe: null,
        descriptionEn: null,
        descriptionZh: null,
      },
      { id: "none", internalNotes: null, descriptionDe: null, descriptionEn: null, descriptionZh: null },
    ]);
    expect(
      await database.query(
        `SELECT "id", "firstPublishedAt" IS NOT NULL AS "published", "sequence", "heldAt" FROM "Session" ORDER BY "id"`,
      ),
    ).toEqual([
      { id: "cancelled", published: true, sequence: 0, heldAt: null },
      { id: "draft", published: false, sequence: 0, heldAt: null },
      { id: "published", published: true, sequence: 0, heldAt: null },
    ]);
    expect(
      await database.query(
        `SELECT "slug", "status"::text, "memberSince", "aliases", to_char("joinedOn", 'YYYY-MM-DD') AS "joinedOn" FROM "City" ORDER BY "slug"`,
      ),
    ).toEqual([
      { slug: "aachen", status: "member", memberSince: null, aliases: [], joinedOn: null },
      { slug: "cologne", status: "member", memberSince: 2017, aliases: [], joinedOn: "2017-04-24" },
    ]);
  });
});
