import "server-only";
import { db } from "../db";
import { invalid, notFound } from "../errors";

/**
 * The most delegates a city may send to a meeting; null removes the limit. A quota below the city's
 * current registrations keeps them all and refuses new ones. The organizer screens and their role
 * checks wrap this function.
 */
export async function setCityQuota(meetingId: string, cityId: string, delegates: number | null): Promise<void> {
  if (delegates === null) {
    await db.cityQuota.deleteMany({ where: { meetingId, cityId } });
    return;
  }
  if (!Number.isInteger(delegates) || delegates < 0 || delegates > 10_000) throw invalid({ delegates: { key: "invalidChoice" } });
  if (!(await db.city.findUnique({ where: { id: cityId }, select: { id: true } }))) throw notFound("City");
  await db.cityQuota.upsert({
    where: { meetingId_cityId: { meetingId, cityId } },
    create: { meetingId, cityId, delegates },
    update: { delegates },
  });
}
