-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "visaLetterDe" TEXT,
ADD COLUMN     "visaLetterEn" TEXT,
ADD COLUMN     "visaLetterZh" TEXT;

-- AlterTable: registrations made before check-in codes existed get one (ten hexadecimal digits, all of
-- them in the code alphabet), then the column becomes required.
ALTER TABLE "Registration" ADD COLUMN     "checkInCode" TEXT;
UPDATE "Registration" SET "checkInCode" = upper(substr(md5(random()::text || "id"), 1, 10));
ALTER TABLE "Registration" ALTER COLUMN "checkInCode" SET NOT NULL;

-- CreateTable
CREATE TABLE "CheckIn" (
    "registrationId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "staffId" TEXT,
    "staffEmail" TEXT NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("registrationId")
);

-- CreateIndex
CREATE INDEX "CheckIn_meetingId_at_idx" ON "CheckIn"("meetingId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_meetingId_checkInCode_key" ON "Registration"("meetingId", "checkInCode");

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
