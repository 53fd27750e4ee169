import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests against the production build (`next build` runs first, see scripts/test.sh) on a
 * fresh embedded database. The server runs under TZ=Asia/Shanghai and the browsers in UTC and Shanghai,
 * so that any use of a local clock instead of the meeting's zone shows up as a wrong time.
 * Browser: Debian's Chromium (no browser downloads on this network); CHROMIUM_PATH overrides.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
/** Everything the server prints, kept for the check after the run that no secret is in it. */
export const SERVER_LOG = ".data/e2e-server.log";
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  globalTeardown: "./e2e/global-teardown.ts",
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: chromium,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "desktop-utc",
      use: { ...devices["Desktop Chrome"], timezoneId: "UTC", launchOptions: chromium },
    },
    {
      name: "phone-shanghai",
      use: { ...devices["Pixel 7"], timezoneId: "Asia/Shanghai", launchOptions: chromium },
    },
  ],
  webServer: {
    command: `rm -rf .data/e2e && mkdir -p .data && PORT=${port} next start 2>&1 | tee ${SERVER_LOG}`,
    url: `http://localhost:${port}/api/meetings`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The demo's data (accounts, invented delegates), as `npm run demo` has it. Every request comes from
    // 127.0.0.1 here: limits high enough for the suite; SMTP off, so emails stay in the outbox.
    env: {
      DATA_DIR: ".data/e2e",
      DEMO: "true",
      TZ: "Asia/Shanghai",
      DATABASE_URL: "",
      SMTP_URL: "",
      PUBLIC_URL: `http://localhost:${port}`,
      RATE_LIMIT_REGISTRATIONS: "1000",
      RATE_LIMIT_LOST_LINK: "100",
      // As `npm start` has it: the server's stop at the end is the app's own (app/_server/shutdown.ts).
      NEXT_MANUAL_SIG_HANDLE: "true",
    },
    stdout: "pipe",
  },
});
