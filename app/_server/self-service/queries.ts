import "server-only";
import { db } from "../db";
import { notFound } from "../errors";
import { registrationIdForToken } from "../registration/tokens";
import { loadRegistrationView, type RegistrationView } from "../registration/view";
import { exportedVisaLetter } from "./visa-letter";

/** The registration a manage link opens; `not_found` for unknown, malformed or deleted ones. */
export async function getManagedRegistration(token: string): Promise<RegistrationView> {
  const id = await registrationIdForToken(db, token, "manage");
  const view = id ? await loadRegistrationView(db, id) : null;
  if (!view) throw notFound("Registration");
  return view;
}

/** Everything stored about the delegate (GDPR Art. 15/20), as a JSON document. */
export async function exportPersonalData(token: string) {
  const registration = await getManagedRegistration(token);
  const emails = await db.outboxEmail.findMany({
    where: { registrationId: registration.id },
    select: { kind: true, toAddress: true, subject: true, status: true, createdAt: true, sentAt: true },
    orderBy: { createdAt: "asc" },
  });
  const links = await db.accessToken.groupBy({
    by: ["purpose"],
    where: { registrationId: registration.id },
    _count: true,
  });
  return {
    exportedAt: new Date().toISOString(),
    registration,
    /** The visa letter asked for, with the passport details given for it; null without one. */
    visaLetter: await exportedVisaLetter(registration.id),
    emails,
    /** Only counts: the links themselves are not stored. */
    activeLinks: Object.fromEntries(links.map((group) => [group.purpose, group._count])),
  };
}
