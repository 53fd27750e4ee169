-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "calendarGeneration" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "InstallationSetting" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstallationSetting_pkey" PRIMARY KEY ("name")
);
