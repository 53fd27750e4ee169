import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/app/_server/authz";
import { AppError } from "@/app/_server/errors";

// The guard reads the signed-in organizer from the session cookie; here the test decides who it is.
const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/app/_server/authz", async (original) => ({
  ...(await original<typeof import("@/app/_server/authz")>()),
  currentActor: async () => signedIn.actor,
}));

const { adminRoute, file, json } = await import("./route-guard");

const organizer: Actor = { id: "o1", email: "o@example.org", name: "Organizer", role: "organizer" };
const checkin: Actor = { id: "c1", email: "c@example.org", name: "Desk", role: "checkin" };

const run = vi.fn(async (context: { params: { slug: string }; query: { n: number } }) =>
  json({ slug: context.params.slug, n: context.query.n }),
);
const handler = adminRoute(
  "editProgram",
  {
    params: z.object({ slug: z.string().regex(/^[a-z0-9]+$/) }),
    query: z.object({ n: z.coerce.number().int().default(1) }),
  },
  run,
);

function call(slug: string, search = "") {
  return handler(new Request(`http://localhost/api/admin/x/${slug}${search}`), {
    params: Promise.resolve({ slug }),
  });
}

describe("adminRoute", () => {
  it("answers 401 without a session and 403 without the permission, as JSON, before reading anything", async () => {
    signedIn.actor = null;
    const anonymous = await call("bad slug!");
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");
    signedIn.actor = checkin;
    const desk = await call("bad slug!");
    expect(desk.status).toBe(403);
    expect((await desk.json()).error.code).toBe("forbidden");
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a change sent by a page of another site with 403, even for a signed-in organizer", async () => {
    signedIn.actor = organizer;
    const post = (origin: string) =>
      handler(new Request("http://localhost/api/admin/x/ok", { method: "POST", headers: { origin } }), {
        params: Promise.resolve({ slug: "ok" }),
      });
    const foreign = await post("https://attacker.example");
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe("forbidden");
    expect(run).not.toHaveBeenCalled();
    // The control: the same request from the app's own pages runs.
    expect((await post("http://localhost")).status).toBe(200);
    run.mockClear();
  });

  it("answers 400 `malformed` when the path or the query does not fit its schema", async () => {
    signedIn.actor = organizer;
    for (const response of [await call("bad slug!"), await call("ok", "?n=1.5")]) {
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("malformed");
    }
    expect(run).not.toHaveBeenCalled();
  });

  it("runs with the parsed values (the first of a repeated name) and answers privately", async () => {
    signedIn.actor = organizer;
    const response = await call("ok", "?n=2&n=3&utm=x");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ slug: "ok", n: 2 });
  });

  it("maps domain errors to their status and throws anything else on", async () => {
    signedIn.actor = organizer;
    run.mockRejectedValueOnce(new AppError("not_found"));
    expect((await call("ok")).status).toBe(404);
    run.mockRejectedValueOnce(new Error("a bug"));
    await expect(call("ok")).rejects.toThrow("a bug");
  });

  it("answers a file as an attachment with its name and type, never stored", async () => {
    signedIn.actor = organizer;
    const bytes = new TextEncoder().encode("a,b\r\n");
    run.mockResolvedValueOnce(
      file({ filename: "list.csv", contentType: "text/csv; charset=utf-8", body: bytes }),
    );
    const response = await call("ok");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="list.csv"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });
});
