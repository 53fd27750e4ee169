import "server-only";
import { z } from "zod";
import { letterDay, visaLetterStatus, visaLetterStatuses } from "@/app/_lib/registration/visa";
import { message, recordId } from "@/app/_lib/schema";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { invalid, notFound } from "../errors";
import { fieldErrorsOf } from "@/app/_lib/registration/fields";
import { lockRegistration } from "../registration/changes";
import { registrationTransaction } from "../registration/transaction";

/**
 * The course of a visa letter, set by the organizers on the visa-letters page: requested (neither date),
 * issued on a day, sent on a day (issued that day too unless it was issued earlier). Audited as
 * "registration.visaLetterStatus", with the days but never the passport details.
 */

export const visaLetterStatusInput = z
  .object({
    registrationId: recordId,
    status: z.enum(visaLetterStatuses, message("invalidChoice")),
    day: letterDay.optional(),
  })
  .refine((value) => value.status === "requested" || value.day !== undefined, {
    path: ["day"],
    ...message("date"),
  });

export async function setVisaLetterStatus(
  actor: Actor | null,
  meetingId: string,
  input: unknown,
): Promise<void> {
  authorize(actor, "handleVisaLetters");
  const parsed = visaLetterStatusInput.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  const { registrationId, status } = parsed.data;
  const day = parsed.data.day ? new Date(`${parsed.data.day}T00:00:00Z`) : null;
  await registrationTransaction(async (tx) => {
    await lockRegistration(tx, registrationId, { editable: false, meetingId });
    const row = await tx.registration.findUniqueOrThrow({
      where: { id: registrationId },
      select: { visaLetter: true, visaIssuedOn: true, visaSentOn: true },
    });
    if (!row.visaLetter) throw notFound("Visa letter");
    const next = {
      visaIssuedOn: status === "requested" ? null : status === "issued" ? day : (row.visaIssuedOn ?? day),
      visaSentOn: status === "sent" ? day : null,
    };
    const shown = (letter: { visaIssuedOn: Date | null; visaSentOn: Date | null }) => ({
      visaLetterStatus: visaLetterStatus({ issuedOn: letter.visaIssuedOn, sentOn: letter.visaSentOn }),
      issuedOn: letter.visaIssuedOn?.toISOString().slice(0, 10) ?? null,
      sentOn: letter.visaSentOn?.toISOString().slice(0, 10) ?? null,
    });
    const before = shown(row);
    const after = shown(next);
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await tx.registration.update({ where: { id: registrationId }, data: next });
    await recordAudit(tx, actor, {
      action: "registration.visaLetterStatus",
      entity: "Registration",
      entityId: registrationId,
      meetingId,
      before,
      after,
    });
  });
}
