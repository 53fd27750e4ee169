/**
 * Property-based fuzzing of the public forms' server actions (registration, the manage page's details,
 * sessions and cancellation, "lost your link?") with generated form data, on a real database. Only the
 * request scope Next gives an action is replaced (request headers, `after`, the client refresh); the
 * domain and the database are the real ones. Whatever the form holds, an action answers with a form
 * state in the visitor's language that keeps what was typed, or with Next's own redirect; it never
 * throws anything else and never stores what the schema would refuse. Runs and replays: see test/fuzz.ts.
 */
import fc from "fast-check";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { locales, type AppLocale } from "@/app/_lib/i18n/locales";
import { messages } from "@/app/_lib/i18n/messages";
import type { FormState, FormValues } from "@/app/_lib/form-state";
import { delegateFieldOrder, registrationFormValues } from "@/app/_lib/registration/form";
import { db } from "@/app/_server/db";
import { manageTokenOf, register } from "@/app/_server/registration/register";
import { seedDemo } from "@/prisma/seed";
import { fuzzParameters, fuzzTimeout, hostileString, pollutionKeys } from "@/test/fuzz";
import { delegate, limitedSession } from "@/test/integration/factories";
import { itStoredOnlyValidRegistrations } from "@/test/integration/stored-registrations";

const scope = vi.hoisted(() => ({ headers: new Headers(), after: [] as Promise<unknown>[] }));

vi.mock("next/headers", () => ({
  headers: async () => scope.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/cache", async (original) => ({
  ...(await original<typeof import("next/cache")>()),
  refresh: () => {},
  revalidatePath: () => {},
}));
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  after: (task: (() => unknown) | Promise<unknown>) =>
    scope.after.push(Promise.resolve(typeof task === "function" ? task() : task)),
}));

const { registerAction } = await import("./meetings/[slug]/register/actions");
const { sendLinksAction } = await import("./manage/actions");
const { cancelAction, changeSessionsAction, updateDetailsAction } = await import("./manage/[token]/actions");

let requests = 0;
/** Each call from its own client address, so that the rate limits never hide what the action would do. */
function newRequest(): void {
  requests += 1;
  scope.headers = new Headers({
    "x-forwarded-for": `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`,
  });
}

/** Every sentence a form state may carry in `locale`: the validation messages and the manage and lost-link texts. */
function sentences(locale: AppLocale): Set<string> {
  const texts = new Set<string>();
  const collect = (node: unknown) => {
    if (typeof node === "string") texts.add(node);
    else if (node && typeof node === "object") Object.values(node).forEach(collect);
  };
  collect(messages[locale].validation);
  collect(messages[locale].manage);
  collect(messages[locale].lostLink);
  // The manage page's question before a seat in a full session is given up.
  collect(messages[locale].publicForms);
  return texts;
}
const localized = Object.fromEntries(locales.map((locale) => [locale, sentences(locale)])) as Record<
  AppLocale,
  Set<string>
>;

/** A refusal: a sentence in the visitor's language, field sentences if any, and the form as typed. */
function expectRefusal(state: FormState, locale: AppLocale, typed?: FormValues): void {
  expect(state.ok).toBe(false);
  expect(
    localized[locale].has(state.message ?? ""),
    `message ${JSON.stringify(state.message)} in ${locale}`,
  ).toBe(true);
  for (const sentence of Object.values(state.fieldErrors ?? {}))
    expect(typeof sentence === "string" && sentence.length > 0).toBe(true);
  if (typed) expect(state.values).toEqual(typed);
}

/** Runs an action; a redirect (Next's own signal) comes back as its target, anything else thrown fails the test. */
async function run(action: () => Promise<FormState>): Promise<FormState | { redirect: string }> {
  newRequest();
  try {
    return await action();
  } catch (error) {
    if (isRedirectError(error)) return { redirect: error.digest.split(";")[2]! };
    throw error;
  }
}

let sessionIds: string[] = [];
const cityNames = ["Köln", "Cologne", "科隆", "Atlantis"];

// Every field of the form, the passport details included, and the fields beyond the delegate's.
const REGISTRATION_FIELDS = [
  ...delegateFieldOrder("de"),
  "photoConsent",
  "listConsent",
  "sessionIds",
  "privacyConsent",
  "formToken",
];

/** A form that would pass, as the browser sends it. */
function validForm(): [string, string][] {
  const input = delegate();
  return [
    ["givenName", input.givenName],
    ["familyName", input.familyName],
    ["nativeName", input.nativeName ?? ""],
    ["nameOrder", input.nameOrder],
    ["city", ""],
    ["cityOther", input.cityOther ?? ""],
    ["role", input.role],
    ["email", input.email],
    ["language", input.language],
    ["privacyConsent", "on"],
    ["formToken", `form-${crypto.randomUUID()}`],
  ];
}

/** Form data: a valid form with fields replaced, repeated, dropped or added (any name, hostile text, files). */
function formData(): fc.Arbitrary<FormData> {
  const name = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...REGISTRATION_FIELDS) },
    fc.constantFrom(...pollutionKeys, "$ACTION_ID_x", "$ACTION_REF_1", "confirm"),
    fc.string({ maxLength: 10 }),
  );
  const value = fc.oneof(
    { weight: 6, arbitrary: hostileString({ maxHuge: 20_000 }) },
    fc.constantFrom(
      "on",
      "true",
      "",
      ...cityNames,
      ...sessionIds,
      "family_first",
      "head_of_delegation",
      "de",
      "zh",
    ),
    fc.constant<"file">("file"),
  );
  const change = fc.record({ kind: fc.constantFrom("set", "append", "delete"), name, value });
  return fc
    .record({ base: fc.boolean(), changes: fc.array(change, { maxLength: 6 }) })
    .map(({ base, changes }) => {
      const data = new FormData();
      if (base) for (const [field, text] of validForm()) data.append(field, text);
      for (const { kind, name: field, value: text } of changes) {
        if (kind === "delete") data.delete(field);
        else if (text === "file")
          data[kind](field, new Blob(["%PDF-1.4 \u0000"], { type: "application/pdf" }), "x.pdf");
        else data[kind](field, text);
      }
      return data;
    });
}

const locale = fc.constantFrom(...locales);

/** A fresh registration of the demo meeting and its manage token. */
async function registered(): Promise<string> {
  return manageTokenOf(
    await register("2017", delegate({ sessionIds: sessionIds.slice(0, 2) }), { locale: "en" }),
  );
}

beforeAll(async () => {
  await seedDemo(db);
  sessionIds = [await limitedSession(1, 0), await limitedSession(2, 1)];
});

describe("the public forms' server actions under fuzzing", () => {
  it(
    "registration: a redirect to the new manage page, or a localized refusal that keeps the form",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          formData(),
          locale,
          fc.constantFrom("2017", "2017", "1999", "\u0000", "x".repeat(500)),
          async (data, visitor, slug) => {
            const outcome = await run(() => registerAction(slug, visitor, { ok: false }, data));
            if ("redirect" in outcome)
              expect(outcome.redirect).toMatch(new RegExp(`^/${visitor}/manage/[\\w-]{43}\\?welcome=1$`));
            else expectRefusal(outcome, visitor, registrationFormValues(data));
          },
        ),
        fuzzParameters(80),
      );
    },
    fuzzTimeout(),
  );

  it(
    "manage page: details and sessions are saved or refused in the visitor's language, for any token",
    async () => {
      const tokens = [await registered(), await registered()];
      await fc.assert(
        fc.asyncProperty(
          formData(),
          locale,
          fc.oneof(fc.constantFrom(...tokens), hostileString({ maxHuge: 500 })),
          fc.boolean(),
          async (data, visitor, token, details) => {
            const outcome = await run(() =>
              (details ? updateDetailsAction : changeSessionsAction)(token, visitor, { ok: false }, data),
            );
            expect("redirect" in outcome).toBe(false);
            const state = outcome as FormState;
            if (state.ok) expect(tokens).toContain(token);
            else expectRefusal(state, visitor, details ? registrationFormValues(data) : undefined);
          },
        ),
        fuzzParameters(100),
      );
    },
    fuzzTimeout(),
  );

  it(
    "manage page: cancellation happens only with the tick box, once, and is refused in the visitor's language otherwise",
    async () => {
      await fc.assert(
        fc.asyncProperty(formData(), locale, fc.boolean(), async (data, visitor, realToken) => {
          const token = realToken ? await registered() : "A".repeat(43);
          const first = (await run(() => cancelAction(token, visitor, { ok: false }, data))) as FormState;
          if (first.ok) {
            expect(realToken && data.get("confirm") === "on").toBe(true);
            const again = (await run(() => cancelAction(token, visitor, { ok: false }, data))) as FormState;
            expectRefusal(again, visitor);
          } else expectRefusal(first, visitor);
        }),
        fuzzParameters(25),
      );
    },
    fuzzTimeout(),
  );

  it(
    "lost link: the same answer for any address, a localized refusal for anything else",
    async () => {
      await fc.assert(
        fc.asyncProperty(formData(), locale, async (data, visitor) => {
          const state = (await run(() => sendLinksAction(visitor, { ok: false }, data))) as FormState;
          await Promise.all(scope.after.splice(0));
          if (state.ok) expect(state.message).toBe(messages[visitor].lostLink.sent);
          else expectRefusal(state, visitor, { email: String(data.get("email") ?? "") });
        }),
        fuzzParameters(100),
      );
    },
    fuzzTimeout(),
  );

  itStoredOnlyValidRegistrations();
});
