import "server-only";
import { NextResponse } from "next/server";
import type { FeedBody } from "@/app/_server/calendar/feed-body";
import { eventStreamResponse, type EventChannel, type EventSourceHandle } from "./event-stream";
import { feedResponse, type FeedResponseOptions } from "./feed-response";

/**
 * What a guarded route handler answers with (route-guard.ts): the domain's value, tagged with the form it
 * goes out in. The guard turns it into the Response, so handlers and the domain never build one.
 */
export type Reply =
  | { kind: "json"; body: unknown; status: number }
  | { kind: "file"; file: FileValue }
  | { kind: "feed"; feed: FeedBody; options: FeedResponseOptions }
  | { kind: "events"; open: (channel: EventChannel) => EventSourceHandle };

/** A file as the domain makes it: a download named `filename`. */
export type FileValue = { filename: string; contentType: string; body: Uint8Array };

export function json(body: unknown, status = 200): Reply {
  return { kind: "json", body, status };
}

export function file(value: FileValue): Reply {
  return { kind: "file", file: value };
}

/** A calendar feed: 200, or 304 while the client's copy is current; no body for HEAD. */
export function feed(body: FeedBody, options: FeedResponseOptions): Reply {
  return { kind: "feed", feed: body, options };
}

/** A stream of Server-Sent Events (event-stream.ts), open until the client goes or the source closes it. */
export function events(open: (channel: EventChannel) => EventSourceHandle): Reply {
  return { kind: "events", open };
}

export function replyResponse(reply: Reply, request: Request): Response {
  switch (reply.kind) {
    case "json":
      return NextResponse.json(reply.body, { status: reply.status });
    case "file":
      return new Response(reply.file.body as Uint8Array<ArrayBuffer>, {
        headers: {
          "Content-Type": reply.file.contentType,
          "Content-Disposition": `attachment; filename="${reply.file.filename}"`,
          "X-Content-Type-Options": "nosniff",
        },
      });
    case "feed":
      return feedResponse(request, reply.feed, reply.options);
    case "events":
      return eventStreamResponse(request, reply.open);
  }
}
