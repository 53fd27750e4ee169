import "server-only";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { invalid, notFound } from "../errors";

/**
 * The most delegates a city may send to a meeting; null removes the limit. A quota below the city's
 * pending and confirmed registrations is refused (`quotaBelowRegistered`): it would leave delegates
 * beyond their city's limit. Organizers only; every change is audited.
 */
export async function setCityQuota(
  actor: Actor | null,
  meetingId: string,
  cityId: string,
  delegates: number | null,
): Promise<void> {
  authorize(actor, "editProgram");
  if (delegates !== null && (!Number.isInteger(delegates) || delegates < 0 || delegates > 10_000))
    throw invalid({ delegates: { key: "invalidChoice" } });
  await db.$transaction(async (tx) => {
    if (!(await tx.meeting.findUnique({ where: { id: meetingId }, select: { id: true } })))
      throw notFound("Meeting");
    if (!(await tx.city.findUnique({ where: { id: cityId }, select: { id: true } }))) throw notFound("City");
    // Registrations lock the quota row while they count; locking it here keeps the count below true.
    const [locked] = await tx.$queryRaw<{ delegates: number }[]>`
      SELECT "delegates" FROM "CityQuota" WHERE "meetingId" = ${meetingId} AND "cityId" = ${cityId} FOR UPDATE`;
    const before = locked ? { meetingId, cityId, delegates: locked.delegates } : null;
    if ((before?.delegates ?? null) === delegates) return;
    if (delegates !== null) {
      const registered = await tx.registration.count({
        where: { meetingId, cityId, status: { in: ["pending", "confirmed"] } },
      });
      if (delegates < registered)
        throw invalid({ delegates: { key: "quotaBelowRegistered", values: { registered } } });
    }
    if (delegates === null) await tx.cityQuota.delete({ where: { meetingId_cityId: { meetingId, cityId } } });
    else
      await tx.cityQuota.upsert({
        where: { meetingId_cityId: { meetingId, cityId } },
        create: { meetingId, cityId, delegates },
        update: { delegates },
      });
    await recordAudit(tx, actor, {
      action: "cityQuota.update",
      entity: "CityQuota",
      entityId: `${meetingId}:${cityId}`,
      meetingId,
      before,
      after: delegates === null ? null : { meetingId, cityId, delegates },
    });
  });
}
