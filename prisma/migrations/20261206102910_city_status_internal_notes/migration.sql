-- Member cities become data the organizers manage; segments and sessions get internal notes apart from
-- their public text; a session remembers its first publication (SEQUENCE) and a ceremony when it was held.

-- CreateEnum
CREATE TYPE "CityStatus" AS ENUM ('candidate', 'member', 'observer', 'former');

-- AlterTable: existing rows get their timestamps from the migration's time.
ALTER TABLE "City" ADD COLUMN     "aliases" TEXT[],
ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "inductedBySessionId" TEXT,
ADD COLUMN     "memberSince" INTEGER,
ADD COLUMN     "regionDe" TEXT,
ADD COLUMN     "regionEn" TEXT,
ADD COLUMN     "regionZh" TEXT,
ADD COLUMN     "status" "CityStatus" NOT NULL DEFAULT 'member',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "website" TEXT;
ALTER TABLE "City" ALTER COLUMN "updatedAt" DROP DEFAULT;
UPDATE "City" SET "aliases" = '{}';
UPDATE "City" SET "memberSince" = EXTRACT(YEAR FROM "joinedOn") WHERE "joinedOn" IS NOT NULL;

-- AlterTable: sessions that are out there now were published.
ALTER TABLE "Session" ADD COLUMN     "firstPublishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "heldAt" TIMESTAMPTZ(3),
ADD COLUMN     "internalNotes" TEXT;
UPDATE "Session" SET "firstPublishedAt" = "createdAt" WHERE "status" <> 'draft';

-- AlterTable: a segment's notes were props and cues for the crew; they become its internal notes (the
-- languages joined, each text once), and its public text starts empty.
ALTER TABLE "CeremonySegment" ADD COLUMN     "descriptionDe" TEXT,
ADD COLUMN     "descriptionEn" TEXT,
ADD COLUMN     "descriptionZh" TEXT,
ADD COLUMN     "internalNotes" TEXT;
UPDATE "CeremonySegment" SET "internalNotes" = NULLIF(
  concat_ws(E'\n\n', "notesDe", NULLIF("notesEn", "notesDe"), NULLIF(NULLIF("notesZh", "notesDe"), "notesEn")),
  ''
);
ALTER TABLE "CeremonySegment" DROP COLUMN "notesDe",
DROP COLUMN "notesEn",
DROP COLUMN "notesZh";

-- CreateIndex
CREATE INDEX "City_inductedBySessionId_idx" ON "City"("inductedBySessionId");

-- AddForeignKey
ALTER TABLE "City" ADD CONSTRAINT "City_inductedBySessionId_fkey" FOREIGN KEY ("inductedBySessionId") REFERENCES "Session"("id") ON DELETE SET NULL ON UPDATE CASCADE;
