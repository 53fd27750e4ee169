/**
 * Who may do what in the back office. One table, read by the server (authz.ts, which enforces it) and by
 * the navigation (which only hides what a role may not open anyway).
 */
export const userRoles = ["admin", "organizer", "checkin"] as const;
export type UserRole = (typeof userRoles)[number];

export const permissions = {
  /** Meetings, sessions, rooms, tracks, people, ceremonies. */
  editProgram: ["admin", "organizer"],
  /** Accounts: invite, disable, roles, password resets. */
  manageAccounts: ["admin"],
  readAudit: ["admin", "organizer"],
  /** Registrations: approve, reject, edit, cancel, waiting lists, exports, visa letters, badges. */
  manageRegistrations: ["admin", "organizer"],
  /**
   * Visa invitation letters: the delegates' passport details (decrypted only for this), the letters and
   * their status. A permission of its own so that it can be narrowed to the people who write the letters.
   */
  handleVisaLetters: ["admin", "organizer"],
  /**
   * Messages to delegates chosen with the registration desk's filters. Never check-in staff: the list
   * of recipients is the desk's, and a message speaks for the organizers. Only roles that also have
   * manageRegistrations (the desk's filters and list), which roles.test.ts checks.
   */
  writeToDelegates: ["admin", "organizer"],
  /** The check-in desk: find a delegate by name or code and record their arrival. */
  checkIn: ["admin", "organizer", "checkin"],
  /**
   * One delegate's badge, printed at the desk for the person in front of it: what the badge shows and
   * nothing more. The sheets of many badges follow the registration list's filters: manageRegistrations.
   */
  printBadge: ["admin", "organizer", "checkin"],
  /** The dashboard and the outbox (account emails in it only with manageAccounts). */
  readNumbers: ["admin", "organizer"],
  /** Everything a signed-in organizer sees first: the back office's home. */
  openBackOffice: ["admin", "organizer", "checkin"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof permissions;

export function may(role: UserRole, permission: Permission): boolean {
  return (permissions[permission] as readonly UserRole[]).includes(role);
}
