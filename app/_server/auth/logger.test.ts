import { decode, encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { authLogger, masked } from "./logger";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const EMAIL = "anna.li@example.org";

/** What decoding `token` throws, as next-auth's session route meets it (and hands to the logger). */
async function decodeError(token: string, secret = SECRET): Promise<Error> {
  try {
    await decode({ token, secret });
  } catch (error) {
    return error as Error;
  }
  throw new Error("the token was accepted");
}

let printed: MockInstance[];
const lines = () => printed.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(" ")));

beforeEach(() => {
  printed = [
    vi.spyOn(console, "error").mockImplementation(() => {}),
    vi.spyOn(console, "warn").mockImplementation(() => {}),
    vi.spyOn(console, "log").mockImplementation(() => {}),
  ];
});
afterEach(() => vi.restoreAllMocks());

describe("authLogger", () => {
  it("a forged, foreign or expired session cookie is one line, without the token", async () => {
    const valid = await encode({ token: { sub: "user-1", email: EMAIL }, secret: SECRET });
    const expired = await encode({ token: { sub: "user-1", email: EMAIL }, secret: SECRET, maxAge: -60 });
    const tampered = `${valid.slice(0, -6)}AAAAAA`;
    const cases = [
      await decodeError(tampered),
      await decodeError(valid, "another-secret-of-thirty-two-characters!"),
      await decodeError(expired),
      await decodeError("not-a-token"),
    ];
    for (const error of cases) authLogger.error("JWT_SESSION_ERROR", error);
    expect(lines()).toEqual(Array(4).fill("[auth] session cookie rejected (JWT_SESSION_ERROR)"));
    expect(cases.map((error) => (error as { code?: string }).code)).toEqual([
      "ERR_JWE_DECRYPTION_FAILED",
      "ERR_JWE_DECRYPTION_FAILED",
      "ERR_JWT_EXPIRED",
      "ERR_JWE_INVALID",
    ]);
  });

  it("any other error stays visible, with its code, message and frames, and nothing secret", () => {
    const token = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abcdefghijklmnopqrstuvwxyz0123";
    const bug = new TypeError(
      `Cannot read properties of undefined (session of ${EMAIL}, token ${token}, password=Hannover-Messe-2017)`,
    );
    authLogger.error("JWT_SESSION_ERROR", bug);
    authLogger.error("SIGNOUT_ERROR", { error: new Error("database gone"), token, email: EMAIL });
    const [first, second] = lines();
    expect(first).toMatch(
      /^\[auth\] JWT_SESSION_ERROR: TypeError: Cannot read properties of undefined \(session of \[email\], token \[token\], password=\[hidden\]\)\n\s+at /,
    );
    expect(second).toMatch(/^\[auth\] SIGNOUT_ERROR: Error: database gone\n\s+at /);
    for (const line of lines()) {
      expect(line).not.toContain(EMAIL);
      expect(line).not.toContain("eyJ");
      expect(line).not.toContain("Hannover-Messe");
    }
  });

  it("warnings are their code; debug messages are dropped", () => {
    authLogger.warn("NEXTAUTH_URL");
    authLogger.debug("PROFILE_DATA", { email: EMAIL });
    expect(lines()).toEqual(["[auth] NEXTAUTH_URL"]);
  });
});

describe("masked", () => {
  it("masks addresses, tokens and passwords, and leaves ordinary words alone", () => {
    expect(masked("from 名字@例子.中国 and x+y@mail.example.de")).toBe("from [email] and [email]");
    expect(masked("link /manage/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde")).toBe("link /manage/[token]");
    expect(masked("Password: hunter2!")).toBe("Password: [hidden]");
    expect(masked("JWEDecryptionFailed: decryption operation failed")).toBe(
      "JWEDecryptionFailed: decryption operation failed",
    );
  });
});
