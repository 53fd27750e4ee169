/**
 * Live show helpers for integration tests: a ceremony of its own, commands with fresh ids, and a reader
 * of Server-Sent Events.
 */
import { randomUUID } from "node:crypto";

/**
 * A published ceremony of the demo meeting with segments of these durations, at 13:00 UTC on the
 * meeting's day unless `startsAt` says otherwise (now: a show run now is on time).
 */
export async function liveCeremony(
  minutes: number[],
  status: "published" | "draft" = "published",
  startsAt = new Date("2017-04-24T13:00:00Z"),
) {
  const { db } = await import("@/app/_server/db");
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: "2017" }, select: { id: true } });
  const session = await db.session.create({
    data: {
      meetingId: meeting.id,
      slug: `live-${randomUUID()}`,
      kind: "ceremony",
      status,
      firstPublishedAt: status === "published" ? new Date() : null,
      titleDe: "Live-Zeremonie",
      titleEn: "Live ceremony",
      titleZh: "直播仪式",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      segments: {
        create: minutes.map((durationMinutes, position) => ({
          position,
          durationMinutes,
          titleDe: `Teil ${position + 1}`,
          titleEn: `Part ${position + 1}`,
          titleZh: `第${position + 1}部分`,
          internalNotes: `Hinweis ${position + 1}`,
        })),
      },
    },
    select: { id: true, segments: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  return {
    ref: { meetingSlug: "2017", sessionId: session.id },
    segmentIds: session.segments.map((segment) => segment.id),
  };
}

export function command(action: string, expectedVersion: number, extra: Record<string, unknown> = {}) {
  return { commandId: randomUUID(), action, expectedVersion, ...extra };
}

export type SseEvent = { id: string | null; event: string | null; data: unknown };

/** Reads the events of a text/event-stream body as they arrive. */
export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended = false;
  const pending: SseEvent[] = [];
  const comments: string[] = [];
  const pump = async (): Promise<boolean> => {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return false;
    }
    buffer += decoder.decode(value, { stream: true });
    let split: number;
    while ((split = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, split);
      buffer = buffer.slice(split + 2);
      const fields = new Map<string, string>();
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) comments.push(line);
        else {
          const colon = line.indexOf(":");
          fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
        }
      }
      if (fields.has("data"))
        pending.push({
          id: fields.get("id") ?? null,
          event: fields.get("event") ?? null,
          data: JSON.parse(fields.get("data")!),
        });
    }
    return true;
  };
  return {
    comments,
    /** The next event, or null when the stream ends first; fails after `timeoutMs`. */
    async next<T = unknown>(timeoutMs = 5_000): Promise<(SseEvent & { data: T }) | null> {
      const deadline = Date.now() + timeoutMs;
      while (pending.length === 0 && !ended) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("No event arrived in time");
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("No event arrived in time")), left);
        });
        try {
          await Promise.race([pump(), timeout]);
        } finally {
          clearTimeout(timer);
        }
      }
      return (pending.shift() as SseEvent & { data: T }) ?? null;
    },
    /** Whether the server ended the stream (within `timeoutMs`). */
    async ends(timeoutMs = 5_000): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (!ended && Date.now() < deadline) {
        pending.length = 0;
        await Promise.race([pump(), new Promise((resolve) => setTimeout(resolve, deadline - Date.now()))]);
      }
      return ended;
    },
    cancel: () => reader.cancel(),
  };
}
