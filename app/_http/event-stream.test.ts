import { afterEach, describe, expect, it, vi } from "vitest";
import { installShutdownForTests } from "@/app/_server/shutdown";
import { eventStreamResponse, HEARTBEAT_MS, type EventChannel } from "./event-stream";

async function read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { value } = await reader.read();
  return new TextDecoder().decode(value);
}

afterEach(() => vi.useRealTimers());

describe("eventStreamResponse", () => {
  it("sends retry, then the events, a heartbeat, and stops its source when the client goes", async () => {
    vi.useFakeTimers();
    const abort = new AbortController();
    let channel: EventChannel | null = null;
    const stop = vi.fn();
    const tick = vi.fn();
    const response = eventStreamResponse(new Request("http://x/", { signal: abort.signal }), (opened) => {
      channel = opened;
      return { stop, tick };
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const reader = response.body!.getReader();
    expect(await read(reader)).toBe("retry: 2000\n\n");
    channel!.send(3, { phase: "running" });
    expect(await read(reader)).toBe('id: 3\nevent: show\ndata: {"phase":"running"}\n\n');
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(await read(reader)).toBe(": ping\n\n");
    abort.abort();
    expect(stop).toHaveBeenCalledTimes(1);
    expect((await reader.read()).done).toBe(true);
    // Nothing runs on after the end: no heartbeat, no second stop.
    vi.advanceTimersByTime(HEARTBEAT_MS * 2);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("cancelling the body stops the source; the source may close the stream itself", async () => {
    const stop = vi.fn();
    const response = eventStreamResponse(new Request("http://x/"), () => ({ stop }));
    await response.body!.cancel();
    expect(stop).toHaveBeenCalledTimes(1);

    let channel: EventChannel | null = null;
    const closedStop = vi.fn();
    const closing = eventStreamResponse(new Request("http://x/"), (opened) => {
      channel = opened;
      return { stop: closedStop };
    });
    const reader = closing.body!.getReader();
    await read(reader);
    channel!.close();
    expect((await reader.read()).done).toBe(true);
    expect(closedStop).toHaveBeenCalledTimes(1);
  });

  it("a stopping server ends its streams instead of waiting for them", async () => {
    const { shutdown, uninstall } = installShutdownForTests({
      graceMs: 100,
      stopBackground: async () => {},
      closeResources: async () => {},
      log: () => {},
    });
    try {
      const stop = vi.fn();
      const response = eventStreamResponse(new Request("http://x/"), () => ({ stop }));
      const reader = response.body!.getReader();
      await read(reader);
      await shutdown.stop("test");
      expect(stop).toHaveBeenCalledTimes(1);
      expect((await reader.read()).done).toBe(true);
    } finally {
      uninstall();
    }
  });
});
