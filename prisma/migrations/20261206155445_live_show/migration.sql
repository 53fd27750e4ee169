-- CreateEnum
CREATE TYPE "ShowPhase" AS ENUM ('ready', 'running', 'held', 'ended');

-- CreateTable
CREATE TABLE "LiveShow" (
    "sessionId" TEXT NOT NULL,
    "phase" "ShowPhase" NOT NULL DEFAULT 'ready',
    "currentSegmentId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "heldSince" TIMESTAMPTZ(3),
    "lateNoticeMinutes" INTEGER NOT NULL DEFAULT 5,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LiveShow_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "LiveShowSegment" (
    "segmentId" TEXT NOT NULL,
    "actualStartedAt" TIMESTAMPTZ(3),
    "actualEndedAt" TIMESTAMPTZ(3),
    "adjustedDurationMinutes" INTEGER,
    "heldSeconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LiveShowSegment_pkey" PRIMARY KEY ("segmentId")
);

-- CreateTable
CREATE TABLE "LiveShowCommand" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "errorCode" TEXT,
    "version" INTEGER NOT NULL,
    "actorId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveShowCommand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitorToken" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MonitorToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveShowCommand_sessionId_at_idx" ON "LiveShowCommand"("sessionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "MonitorToken_tokenHash_key" ON "MonitorToken"("tokenHash");

-- CreateIndex
CREATE INDEX "MonitorToken_sessionId_idx" ON "MonitorToken"("sessionId");

-- AddForeignKey
ALTER TABLE "LiveShow" ADD CONSTRAINT "LiveShow_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveShowSegment" ADD CONSTRAINT "LiveShowSegment_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "CeremonySegment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveShowCommand" ADD CONSTRAINT "LiveShowCommand_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveShow"("sessionId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitorToken" ADD CONSTRAINT "MonitorToken_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
