/**
 * Whether a seat or a waiting place may be taken in a session: it is published and has limited seats
 * (sessions without a limit take no registrations). Judged when a choice is checked
 * (app/_server/registration/choices.ts) and again on the session's locked row when the seat is taken
 * (app/_server/registration/seats.ts), since the session may be cancelled or unpublished in between.
 */
export function takesSeats(session: { status: string; capacity: number | null }): boolean {
  return session.status === "published" && session.capacity !== null;
}

/** The ids of the sessions that take no seats. */
export function closedToSeats(sessions: { id: string; status: string; capacity: number | null }[]): string[] {
  return sessions.filter((session) => !takesSeats(session)).map((session) => session.id);
}
