/** `path` with the query parts that are not empty ("city=…&status=…", "lang=de"), joined by "&". */
export function withQuery(path: string, ...parts: string[]): string {
  const query = parts.filter(Boolean).join("&");
  return query ? `${path}?${query}` : path;
}

/**
 * Addresses of the back office, without the language prefix (the locale-aware Link adds it). One place,
 * so that pages, redirects after actions and tests agree.
 */
export const adminPaths = {
  home: "/admin",
  signIn: "/admin/sign-in",
  setPassword: (token: string) => `/admin/password/${token}`,
  /** Where the first admin account is made, from the link a server prints while there is none. */
  setup: (token: string) => `/admin/setup/${token}`,
  accounts: "/admin/accounts",
  /** An organizer's account as admins see it: role, sessions, second factor. */
  account: (id: string) => `/admin/accounts/${id}`,
  /** One's own account: sessions, password. */
  ownAccount: "/admin/account",
  /** Setting up (or replacing) one's own second factor. */
  twoFactor: "/admin/account/two-factor",
  people: "/admin/people",
  newPerson: "/admin/people/new",
  person: (id: string) => `/admin/people/${id}`,
  cities: "/admin/cities",
  newCity: "/admin/cities/new",
  city: (id: string) => `/admin/cities/${id}`,
  audit: "/admin/audit",
  newMeeting: "/admin/meetings/new",
  meeting: (slug: string) => `/admin/meetings/${slug}`,
  rooms: (slug: string) => `/admin/meetings/${slug}/rooms`,
  sessions: (slug: string) => `/admin/meetings/${slug}/sessions`,
  newSession: (slug: string) => `/admin/meetings/${slug}/sessions/new`,
  session: (slug: string, id: string) => `/admin/meetings/${slug}/sessions/${id}`,
  day: (slug: string, date?: string) => `/admin/meetings/${slug}/day${date ? `?date=${date}` : ""}`,
  ceremony: (slug: string, id: string) => `/admin/meetings/${slug}/sessions/${id}/ceremony`,
  ceremonyPrint: (slug: string, id: string) => `/admin/meetings/${slug}/sessions/${id}/ceremony/print`,
  /** The ceremony on the day: the operator's controls, and the crew's and interpreters' timeline. */
  ceremonyLive: (slug: string, id: string) => `/admin/meetings/${slug}/sessions/${id}/ceremony/live`,
  ceremonyCrew: (slug: string, id: string) => `/admin/meetings/${slug}/sessions/${id}/ceremony/crew`,
  registrations: (slug: string) => `/admin/meetings/${slug}/registrations`,
  registration: (slug: string, id: string) => `/admin/meetings/${slug}/registrations/${id}`,
  delegations: (slug: string) => `/admin/meetings/${slug}/delegations`,
  visaLetters: (slug: string) => `/admin/meetings/${slug}/visa-letters`,
  visaLettersPrint: (slug: string) => `/admin/meetings/${slug}/visa-letters/print`,
  /** Messages to chosen delegates; one message with the desk's filters (without "?") that choose its recipients. */
  messages: (slug: string) => `/admin/meetings/${slug}/messages`,
  message: (slug: string, id: string, filterQuery = "") =>
    withQuery(`/admin/meetings/${slug}/messages/${id}`, filterQuery),
  checkIn: (slug: string) => `/admin/meetings/${slug}/check-in`,
  badges: (slug: string) => `/admin/meetings/${slug}/badges`,
  numbers: (slug: string) => `/admin/meetings/${slug}/numbers`,
  outbox: "/admin/outbox",
  outboxEmail: (id: string) => `/admin/outbox/${id}`,
  /** The registrations as CSV or XLSX, with the list's filters (route handler, no locale). */
  registrationsExport: (slug: string, format: "csv" | "xlsx") =>
    `/api/admin/meetings/${slug}/registrations.${format}`,
  /** The run-of-show as a calendar of segments, for organizers (route handler, no locale). */
  runOfShowFeed: (slug: string, id: string) => `/api/admin/meetings/${slug}/sessions/${id}/run-of-show.ics`,
  /** The live show: its stream for crew and operator (GET) and the operator's commands (POST). */
  liveStream: (slug: string, id: string) => `/api/admin/meetings/${slug}/sessions/${id}/live`,
} as const;
