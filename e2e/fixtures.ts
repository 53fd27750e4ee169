import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test as base } from "@playwright/test";

export const LOCALES = ["de", "en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];

/** Ids of seeded sessions, read from the public API (ids are generated, slugs are not exposed). */
export type DemoSessions = Record<"opening" | "ceremony" | "workshop" | "tour", string>;

export const test = base.extend<{ demo: DemoSessions }>({
  demo: async ({ request }, use) => {
    const response = await request.get("/api/meetings/2017/agenda");
    expect(response.status()).toBe(200);
    const { sessions } = (await response.json()) as {
      sessions: { id: string; kind: string; capacity: number | null; title: { en: string } }[];
    };
    const find = (predicate: (s: (typeof sessions)[number]) => boolean) => sessions.find(predicate)!.id;
    await use({
      opening: find((s) => s.title.en === "Opening of the annual meeting"),
      ceremony: find((s) => s.kind === "ceremony"),
      workshop: find((s) => s.kind === "workshop" && s.capacity === 30),
      tour: find((s) => s.kind === "tour"),
    });
  },
});

export { expect };

/**
 * Fails on serious or critical accessibility violations, listing them. After a navigation in the page,
 * Next.js sets the new title a moment after the content: axe waits for a title, as a reader would.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(
    blocking.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
}

/** Nothing sticks out sideways: the page fits the viewport (phone widths). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Screenshot for people to look at (not compared): screenshots/<project>/<name>.png, the full page unless told. */
export async function snapshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await page.screenshot({ path: `screenshots/${test.info().project.name}/${name}.png`, fullPage });
}
