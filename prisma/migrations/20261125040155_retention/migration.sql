-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "anonymizedAt" TIMESTAMP(3);
