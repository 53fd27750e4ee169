-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "visaLetterDays" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "visaData" TEXT,
ADD COLUMN     "visaIssuedOn" DATE,
ADD COLUMN     "visaRequestedAt" TIMESTAMPTZ(3),
ADD COLUMN     "visaSentOn" DATE;

-- Letters asked for before their course was recorded count from the registration.
UPDATE "Registration" SET "visaRequestedAt" = "createdAt" WHERE "visaLetter";
