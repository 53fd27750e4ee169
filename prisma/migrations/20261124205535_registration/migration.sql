-- CreateEnum
CREATE TYPE "DelegateRole" AS ENUM ('head_of_delegation', 'delegate', 'interpreter', 'press', 'guest');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('pending', 'confirmed', 'cancelled', 'rejected');

-- CreateEnum
CREATE TYPE "SeatStatus" AS ENUM ('confirmed', 'waitlisted');

-- CreateEnum
CREATE TYPE "AccessTokenPurpose" AS ENUM ('manage', 'calendar');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('queued', 'sent', 'failed');

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "waitlistIssued" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CityQuota" (
    "meetingId" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "delegates" INTEGER NOT NULL,

    CONSTRAINT "CityQuota_pkey" PRIMARY KEY ("meetingId","cityId")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "nativeName" TEXT,
    "nameOrder" "NameOrder" NOT NULL DEFAULT 'given_first',
    "honorific" TEXT,
    "position" TEXT,
    "organization" TEXT,
    "cityId" TEXT,
    "cityOther" TEXT,
    "role" "DelegateRole" NOT NULL,
    "email" TEXT NOT NULL,
    "activeEmail" TEXT,
    "phone" TEXT,
    "language" "Locale" NOT NULL,
    "interpretation" "Locale"[],
    "dietaryNeeds" TEXT,
    "accessibilityNeeds" TEXT,
    "visaLetter" BOOLEAN NOT NULL DEFAULT false,
    "privacyConsentAt" TIMESTAMP(3) NOT NULL,
    "photoConsent" BOOLEAN NOT NULL DEFAULT false,
    "listConsent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionSeat" (
    "registrationId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "status" "SeatStatus" NOT NULL,
    "waitlistNumber" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionSeat_pkey" PRIMARY KEY ("registrationId","sessionId")
);

-- CreateTable
CREATE TABLE "AccessToken" (
    "hash" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "purpose" "AccessTokenPurpose" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessToken_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "registrationId" TEXT,
    "response" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT,
    "kind" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "withManageLink" BOOLEAN NOT NULL DEFAULT false,
    "status" "EmailStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Registration_meetingId_status_idx" ON "Registration"("meetingId", "status");

-- CreateIndex
CREATE INDEX "Registration_meetingId_cityId_idx" ON "Registration"("meetingId", "cityId");

-- CreateIndex
CREATE INDEX "Registration_email_idx" ON "Registration"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_meetingId_activeEmail_key" ON "Registration"("meetingId", "activeEmail");

-- CreateIndex
CREATE INDEX "SessionSeat_sessionId_status_idx" ON "SessionSeat"("sessionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SessionSeat_sessionId_waitlistNumber_key" ON "SessionSeat"("sessionId", "waitlistNumber");

-- CreateIndex
CREATE INDEX "AccessToken_registrationId_purpose_idx" ON "AccessToken"("registrationId", "purpose");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_registrationId_idx" ON "OutboxEmail"("registrationId");

-- AddForeignKey
ALTER TABLE "CityQuota" ADD CONSTRAINT "CityQuota_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CityQuota" ADD CONSTRAINT "CityQuota_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionSeat" ADD CONSTRAINT "SessionSeat_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionSeat" ADD CONSTRAINT "SessionSeat_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
