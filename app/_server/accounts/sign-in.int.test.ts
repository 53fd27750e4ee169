/**
 * Signing in against attackers: how many guesses an account allows and from where, that the rightful
 * organizer is never kept out by them, that successes never count, and the second factor.
 */
import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { createActor } from "@/test/integration/actors";
import { hashPassword } from "../auth/passwords";
import { hashRecoveryCode, newTotpSecret } from "./second-factor";
import { signIn, type SignInOutcome } from "./sign-in";
import { SIGN_IN_LIMITS } from "./sign-in-limits";

const PASSWORD = "correct horse battery staple";
let nextAddress = 0;
/** A client address of its own for each caller (documentation ranges, RFC 5737). */
const newAddress = () => `203.0.${Math.floor(nextAddress / 250) % 250}.${(nextAddress++ % 250) + 1}`;

async function organizer(): Promise<{ email: string; id: string }> {
  const actor = await createActor("organizer", { passwordHash: await hashPassword(PASSWORD) });
  return { email: actor.email, id: actor.id };
}

/** The outcome, or "rate_limited" for an attempt refused before its password was looked at. */
async function attempt(
  email: string,
  password: string,
  clientAddress: string,
  code?: string,
): Promise<SignInOutcome["outcome"] | "rate_limited"> {
  try {
    return (await signIn({ email, password, clientAddress, code })).outcome;
  } catch (error) {
    if ((error as { code?: unknown }).code === "rate_limited") return "rate_limited";
    throw error;
  }
}

const tally = (outcomes: string[]) =>
  outcomes.reduce<Record<string, number>>(
    (counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }),
    {},
  );

describe("signing in", () => {
  it("answers alike for a wrong address and a wrong password, and takes the address in any case", async () => {
    const { email } = await organizer();
    expect(await attempt(`nobody-${randomUUID()}@test.example`, PASSWORD, newAddress())).toBe("refused");
    expect(await attempt(email, "wrong password of length", newAddress())).toBe("refused");
    expect(await attempt(` ${email.toUpperCase()} `, PASSWORD, newAddress())).toBe("signed-in");
  });
});

describe("guessing passwords", () => {
  it("gives an attack from 50 addresses, all at once, 10 guesses an hour, while the organizer at their own address signs in at once", async () => {
    const { email } = await organizer();
    const home = newAddress();
    expect(await attempt(email, PASSWORD, home)).toBe("signed-in");

    const attackers = Array.from({ length: 50 }, newAddress);
    const guesses = await Promise.all(
      attackers.flatMap((from) =>
        Array.from({ length: 3 }, (_, n) => attempt(email, `guess ${from} ${n}`, from)),
      ),
    );
    expect(tally(guesses)).toEqual({
      refused: SIGN_IN_LIMITS.accountFromNewAddresses.failures,
      rate_limited: 150 - SIGN_IN_LIMITS.accountFromNewAddresses.failures,
    });

    // During the attack: the right password from the organizer's own address works at once, every time.
    for (let round = 0; round < 3; round += 1) expect(await attempt(email, PASSWORD, home)).toBe("signed-in");
    // The right password from an address the account has never used waits for the hour, like a guess.
    expect(await attempt(email, PASSWORD, newAddress())).toBe("rate_limited");
  });

  it("counts a guesser at the organizer's own address there, five in 15 minutes, and nowhere else", async () => {
    const { email } = await organizer();
    const shared = newAddress();
    expect(await attempt(email, PASSWORD, shared)).toBe("signed-in");
    const guesses = [];
    for (let n = 0; n < 7; n += 1) guesses.push(await attempt(email, `guess ${n}`, shared));
    expect(guesses).toEqual([
      "refused",
      "refused",
      "refused",
      "refused",
      "refused",
      "rate_limited",
      "rate_limited",
    ]);
    expect(await attempt(email, PASSWORD, newAddress())).toBe("signed-in");
  });

  it("stops one address trying many accounts after 20 failures in 15 minutes, but not an organizer who signs in there", async () => {
    const { email } = await organizer();
    const venue = newAddress();
    expect(await attempt(email, PASSWORD, venue)).toBe("signed-in");
    const outcomes = [];
    for (let n = 0; n < 22; n += 1)
      outcomes.push(await attempt(`nobody-${randomUUID()}@test.example`, "guess", venue));
    expect(tally(outcomes)).toEqual({ refused: SIGN_IN_LIMITS.address.failures, rate_limited: 2 });
    // The stranger on the venue's network has used up its address; the organizer who signed in there before still gets in.
    expect(await attempt(email, PASSWORD, venue)).toBe("signed-in");
    expect(await attempt((await organizer()).email, PASSWORD, venue)).toBe("rate_limited");
  });

  it("never counts a success: a desk team of five signs in twenty times each from one address, with a typo now and then", async () => {
    const desk = newAddress();
    const team = await Promise.all(Array.from({ length: 5 }, organizer));
    const outcomes: string[] = [];
    for (let round = 0; round < 20; round += 1) {
      outcomes.push(...(await Promise.all(team.map(({ email }) => attempt(email, PASSWORD, desk)))));
      if (round % 5 === 0) outcomes.push(await attempt(team[round % 5]!.email, "a typo of a password", desk));
    }
    expect(tally(outcomes)).toEqual({ "signed-in": 100, refused: 4 });
  });

  it("tells a disabled account so only after its right password", async () => {
    const { email, id } = await organizer();
    await db.user.update({ where: { id }, data: { disabledAt: new Date() } });
    expect(await attempt(email, "a wrong guess", newAddress())).toBe("refused");
    expect(await attempt(email, PASSWORD, newAddress())).toBe("disabled");
    expect(await db.userSession.count({ where: { userId: id } })).toBe(0);
  });
});

describe("the second factor", () => {
  async function enrolled() {
    const account = await organizer();
    const { sealed, base32 } = await newTotpSecret();
    await db.user.update({
      where: { id: account.id },
      data: { totpSecret: sealed, totpEnabledAt: new Date() },
    });
    const totp = new TOTP({ secret: Secret.fromBase32(base32) });
    return { ...account, totp };
  }

  it("asks for the code after the right password only, takes a right one once, and counts wrong ones like passwords", async () => {
    const { email, totp } = await enrolled();
    const home = newAddress();
    expect(await attempt(email, "a wrong guess", home)).toBe("refused");
    expect(await attempt(email, PASSWORD, home)).toBe("second-factor");

    const code = totp.generate();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await attempt(email, PASSWORD, home, wrong)).toBe("refused");
    expect(await attempt(email, PASSWORD, home, code)).toBe("signed-in");
    // The same code again, even within its 30 seconds: a replay.
    expect(await attempt(email, PASSWORD, home, code)).toBe("refused");

    // Guessing codes uses up the same five failures as guessing passwords: three are gone already.
    const guesses = [];
    for (let n = 0; n < 5; n += 1)
      guesses.push(await attempt(email, PASSWORD, home, String(n).padStart(6, "0")));
    expect(guesses).toEqual(["refused", "refused", "rate_limited", "rate_limited", "rate_limited"]);
  });

  it("takes one code once when two sign-ins send it at the same moment", async () => {
    const { email, totp } = await enrolled();
    const code = totp.generate();
    const outcomes = await Promise.all([
      attempt(email, PASSWORD, newAddress(), code),
      attempt(email, PASSWORD, newAddress(), code),
    ]);
    expect(outcomes.sort()).toEqual(["refused", "signed-in"]);
  });

  it("takes a recovery code once, typed with capitals and spaces", async () => {
    const { email, id } = await enrolled();
    await db.recoveryCode.create({ data: { userId: id, hash: await hashRecoveryCode(id, "k3p9x4mw2q") } });
    expect(await attempt(email, PASSWORD, newAddress(), " K3P9X-4MW2Q ")).toBe("signed-in");
    expect(await attempt(email, PASSWORD, newAddress(), "k3p9x-4mw2q")).toBe("refused");
  });
});
