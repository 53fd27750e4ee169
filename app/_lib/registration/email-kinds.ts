/**
 * The kinds of email a delegate gets about their registration: composed on the server
 * (app/_server/registration/emails/content.ts) and named in the desk's history of a registration.
 */
export const registrationEmailKinds = [
  "received",
  "confirmed",
  "approved",
  "rejected",
  "cancelled",
  "promoted",
  "changed",
  "link",
] as const;
export type RegistrationEmailKind = (typeof registrationEmailKinds)[number];

export function isRegistrationEmailKind(kind: string): kind is RegistrationEmailKind {
  return (registrationEmailKinds as readonly string[]).includes(kind);
}
