import { expect, test } from "./fixtures";

test("GET /api/meetings lists the 2017 meeting", async ({ request }) => {
  const response = await request.get("/api/meetings");
  expect(response.status()).toBe(200);
  const { meetings } = await response.json();
  expect(meetings.map((meeting: { slug: string }) => meeting.slug)).toContain("2017");
});

test("GET /api/meetings/2017 has the venue, zone and inductee", async ({ request }) => {
  const { meeting } = await (await request.get("/api/meetings/2017")).json();
  expect(meeting).toMatchObject({
    slug: "2017",
    timeZone: "Europe/Berlin",
    startsOn: "2017-04-24",
    venue: { name: "Hannover Messe", city: "Hannover", country: "DE" },
  });
  expect(meeting.inductees.map((city: { name: { de: string } }) => city.name.de)).toEqual(["Köln"]);
});

test("GET /api/meetings/2017/agenda: sessions with all languages, UTC instants and seats", async ({
  request,
}) => {
  const { sessions } = await (await request.get("/api/meetings/2017/agenda")).json();
  expect(sessions).toHaveLength(13);
  const opening = sessions.find(
    (session: { title: { en: string } }) => session.title.en === "Opening of the annual meeting",
  );
  expect(opening).toMatchObject({
    kind: "keynote",
    status: "published",
    startsAt: "2017-04-24T07:30:00.000Z",
    endsAt: "2017-04-24T08:00:00.000Z",
    title: { de: "Eröffnung des Jahrestreffens", en: "Opening of the annual meeting", zh: "年会开幕" },
    capacity: null,
    seatsLeft: null,
  });
  expect(opening.room.name.en).toBe("Hall 2");
  expect(opening.track.slug).toBe("plenum");
  expect(opening.speakers.map((speaker: { familyName: string }) => speaker.familyName)).toEqual(["Ost"]);
  const limited = sessions.filter((session: { capacity: number | null }) => session.capacity !== null);
  // Registration tests run at the same time and take seats: the capacities are exact, seats left bounded.
  expect(limited.map((session: { capacity: number }) => session.capacity).sort()).toEqual([20, 30, 40]);
  for (const session of limited) expect(session.seatsLeft).toBeLessThanOrEqual(session.capacity);
});

test("unknown meetings and API paths answer 404 in JSON", async ({ request }) => {
  for (const path of ["/api/meetings/1999", "/api/meetings/1999/agenda", "/api/nothing/here"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect((await response.json()).error.code).toBe("not_found");
  }
});

test("GET and HEAD /api/health: 200 with the version, never cached, with the security headers of every response", async ({
  request,
}) => {
  for (const method of ["GET", "HEAD"] as const) {
    const response = await request.fetch("/api/health", { method });
    expect(response.status(), method).toBe(200);
    const headers = response.headers();
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["strict-transport-security"]).toContain("max-age=");
    if (method === "GET")
      expect(await response.json()).toEqual({
        status: "ok",
        database: "up",
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      });
    else expect(await response.body()).toHaveLength(0);
  }
});
