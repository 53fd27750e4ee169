-- CreateTable
CREATE TABLE "DelegateMessage" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "subjectDe" TEXT NOT NULL DEFAULT '',
    "subjectEn" TEXT NOT NULL DEFAULT '',
    "subjectZh" TEXT NOT NULL DEFAULT '',
    "bodyDe" TEXT NOT NULL DEFAULT '',
    "bodyEn" TEXT NOT NULL DEFAULT '',
    "bodyZh" TEXT NOT NULL DEFAULT '',
    "filterQuery" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "sentByEmail" TEXT,

    CONSTRAINT "DelegateMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelegateMessageRecipient" (
    "messageId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "emailId" TEXT,
    "language" "Locale" NOT NULL,

    CONSTRAINT "DelegateMessageRecipient_pkey" PRIMARY KEY ("messageId","registrationId")
);

-- CreateIndex
CREATE INDEX "DelegateMessage_meetingId_createdAt_idx" ON "DelegateMessage"("meetingId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DelegateMessageRecipient_emailId_key" ON "DelegateMessageRecipient"("emailId");

-- CreateIndex
CREATE INDEX "DelegateMessageRecipient_registrationId_idx" ON "DelegateMessageRecipient"("registrationId");

-- AddForeignKey
ALTER TABLE "DelegateMessage" ADD CONSTRAINT "DelegateMessage_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegateMessageRecipient" ADD CONSTRAINT "DelegateMessageRecipient_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "DelegateMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegateMessageRecipient" ADD CONSTRAINT "DelegateMessageRecipient_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegateMessageRecipient" ADD CONSTRAINT "DelegateMessageRecipient_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "OutboxEmail"("id") ON DELETE SET NULL ON UPDATE CASCADE;
