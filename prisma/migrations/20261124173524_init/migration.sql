-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Country" AS ENUM ('DE', 'CN');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('de', 'en', 'zh');

-- CreateEnum
CREATE TYPE "NameOrder" AS ENUM ('given_first', 'family_first');

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('keynote', 'panel', 'workshop', 'ceremony', 'break', 'networking', 'tour');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('draft', 'published', 'cancelled');

-- CreateEnum
CREATE TYPE "SpeakerRole" AS ENUM ('speaker', 'moderator', 'host', 'guide');

-- CreateTable
CREATE TABLE "Alliance" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "nameDe" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "purposeDe" TEXT NOT NULL,
    "purposeEn" TEXT NOT NULL,
    "purposeZh" TEXT NOT NULL,
    "foundedYear" INTEGER NOT NULL,
    "foundedOccasion" TEXT NOT NULL,

    CONSTRAINT "Alliance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "City" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameDe" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT,
    "country" "Country" NOT NULL,
    "joinedOn" DATE,
    "reviewNeeded" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "City_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "nativeName" TEXT,
    "nameOrder" "NameOrder" NOT NULL DEFAULT 'given_first',
    "honorificDe" TEXT,
    "honorificEn" TEXT,
    "honorificZh" TEXT,
    "positionDe" TEXT,
    "positionEn" TEXT,
    "positionZh" TEXT,
    "organization" TEXT,
    "cityId" TEXT,
    "initiator" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "titleDe" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "summaryDe" TEXT,
    "summaryEn" TEXT,
    "summaryZh" TEXT,
    "venueName" TEXT NOT NULL,
    "venueCity" TEXT NOT NULL,
    "venueCountry" "Country" NOT NULL,
    "timeZone" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "registrationOpensAt" TIMESTAMP(3),
    "registrationClosesAt" TIMESTAMP(3),
    "requiresApproval" BOOLEAN NOT NULL DEFAULT false,
    "defaultLocale" "Locale" NOT NULL DEFAULT 'de',
    "exampleProgram" BOOLEAN NOT NULL DEFAULT false,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Room" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameDe" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "location" TEXT,
    "capacity" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Track" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameDe" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT '#475569',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Track_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "SessionKind" NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'draft',
    "titleDe" TEXT NOT NULL,
    "titleEn" TEXT,
    "titleZh" TEXT,
    "descriptionDe" TEXT,
    "descriptionEn" TEXT,
    "descriptionZh" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "roomId" TEXT,
    "trackId" TEXT,
    "capacity" INTEGER,
    "seatsTaken" INTEGER NOT NULL DEFAULT 0,
    "languages" "Locale"[],
    "interpretation" "Locale"[],
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionSpeaker" (
    "sessionId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "SpeakerRole" NOT NULL DEFAULT 'speaker',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SessionSpeaker_pkey" PRIMARY KEY ("sessionId","personId")
);

-- CreateTable
CREATE TABLE "CeremonySegment" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "titleDe" TEXT NOT NULL,
    "titleEn" TEXT,
    "titleZh" TEXT,
    "notesDe" TEXT,
    "notesEn" TEXT,
    "notesZh" TEXT,

    CONSTRAINT "CeremonySegment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SegmentParticipant" (
    "segmentId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SegmentParticipant_pkey" PRIMARY KEY ("segmentId","personId")
);

-- CreateTable
CREATE TABLE "CeremonyInductee" (
    "sessionId" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,

    CONSTRAINT "CeremonyInductee_pkey" PRIMARY KEY ("sessionId","cityId")
);

-- CreateIndex
CREATE UNIQUE INDEX "City_slug_key" ON "City"("slug");

-- CreateIndex
CREATE INDEX "City_country_idx" ON "City"("country");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slug_key" ON "Person"("slug");

-- CreateIndex
CREATE INDEX "Person_cityId_idx" ON "Person"("cityId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_slug_key" ON "Meeting"("slug");

-- CreateIndex
CREATE INDEX "Meeting_startsOn_idx" ON "Meeting"("startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Room_meetingId_slug_key" ON "Room"("meetingId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Track_meetingId_slug_key" ON "Track"("meetingId", "slug");

-- CreateIndex
CREATE INDEX "Session_meetingId_startsAt_idx" ON "Session"("meetingId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Session_meetingId_slug_key" ON "Session"("meetingId", "slug");

-- CreateIndex
CREATE INDEX "SessionSpeaker_personId_idx" ON "SessionSpeaker"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "CeremonySegment_sessionId_position_key" ON "CeremonySegment"("sessionId", "position");

-- CreateIndex
CREATE INDEX "SegmentParticipant_personId_idx" ON "SegmentParticipant"("personId");

-- CreateIndex
CREATE INDEX "CeremonyInductee_cityId_idx" ON "CeremonyInductee"("cityId");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Room" ADD CONSTRAINT "Room_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Track" ADD CONSTRAINT "Track_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionSpeaker" ADD CONSTRAINT "SessionSpeaker_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionSpeaker" ADD CONSTRAINT "SessionSpeaker_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CeremonySegment" ADD CONSTRAINT "CeremonySegment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentParticipant" ADD CONSTRAINT "SegmentParticipant_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "CeremonySegment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentParticipant" ADD CONSTRAINT "SegmentParticipant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CeremonyInductee" ADD CONSTRAINT "CeremonyInductee_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CeremonyInductee" ADD CONSTRAINT "CeremonyInductee_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE CASCADE ON UPDATE CASCADE;
