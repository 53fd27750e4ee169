import { describe, expect, it } from "vitest";
import { secretsInLog } from "./server-log";

describe("secretsInLog", () => {
  it("finds and masks what a log must never hold", () => {
    const token = "Qx7_-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL";
    expect(token).toHaveLength(43);
    const log = [
      " ✓ Ready in 812ms",
      `GET /de/manage/${token} 200`,
      "sent to erika.mustermann@stadt-koeln.example",
      "cookie eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abc",
      'body {"password":"Hannover-Messe-2017"}',
      "[auth] session cookie rejected (JWT_SESSION_ERROR)",
    ].join("\n");
    expect(secretsInLog(log, ["Hannover-Messe-2017"])).toEqual([
      { line: 2, kind: "link token", text: "GET /de/manage/▒▒▒ 200" },
      { line: 3, kind: "email address", text: "sent to ▒▒▒" },
      { line: 4, kind: "session token", text: "cookie ▒▒▒..abc" },
      { line: 5, kind: "password", text: 'body {"▒▒▒"}' },
      { line: 5, kind: "known secret", text: 'body {"password":"▒▒▒"}' },
    ]);
  });

  it("leaves ordinary lines alone: ids, hashes, versions, build ids", () => {
    const log = [
      "Applied 7 migration(s): 20261124173524_init, 20261206010739_setup_tokens",
      "registration cm9x1k2l30000abcd1234efgh created",
      "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "next@16.4.6 Ready; build id zXr3ttT0lUXDMkpUTcY2d",
      "Password rules: at least 12 characters",
    ].join("\n");
    expect(secretsInLog(log)).toEqual([]);
  });
});
