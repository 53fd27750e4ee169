-- CreateTable
CREATE TABLE "MeetingPracticalInfo" (
    "meetingId" TEXT NOT NULL,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "venueAddress" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "directionsUrl" TEXT,
    "arrivalDe" TEXT,
    "arrivalEn" TEXT,
    "arrivalZh" TEXT,
    "badgePickupDe" TEXT,
    "badgePickupEn" TEXT,
    "badgePickupZh" TEXT,
    "dressCodeDe" TEXT,
    "dressCodeEn" TEXT,
    "dressCodeZh" TEXT,
    "interpretationDe" TEXT,
    "interpretationEn" TEXT,
    "interpretationZh" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingPracticalInfo_pkey" PRIMARY KEY ("meetingId")
);

-- AddForeignKey
ALTER TABLE "MeetingPracticalInfo" ADD CONSTRAINT "MeetingPracticalInfo_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
