#!/usr/bin/env bash
# All tests, in order of speed: types, lint and formatting, migrations vs schema, unit and integration tests (PGlite always,
# PostgreSQL when TEST_DATABASE_URL is set) under TZ=UTC, the unit tests and one tier again under
# TZ=Asia/Shanghai, the production build, end-to-end tests in Chromium against it, and the container
# image with compose.yaml's stack. Stops at the first failing tier.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "*** SKIPPED: PostgreSQL tier. Set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run it. ***"
fi
step "Type check" && tsc --noEmit
step "Lint (ESLint) and formatting (Prettier)" && npm run -s lint
step "Migrations match schema.prisma" && npm run -s db:check
# Before the unit tests: the calendars' conformance test compiles against libical, which this installs.
step "Browser, fonts and libical" && bash scripts/ensure-browser.sh
step "Unit and integration tests, TZ=UTC" && TZ=UTC vitest run
# The second zone runs the unit tests and one database tier, PostgreSQL when there is one (what
# production runs on); the embedded tier meets Asia/Shanghai in the end-to-end tests, whose server runs
# in that zone. Both tiers in both zones took 16 of a 29-minute CI run.
second_tier=$([ -n "${TEST_DATABASE_URL:-}" ] && echo postgres || echo pglite)
step "Unit and integration tests ($second_tier), TZ=Asia/Shanghai" && TZ=Asia/Shanghai vitest run --project unit --project "integration-$second_tier"
step "Production build" && next build
step "End-to-end tests (Chromium; server TZ=Asia/Shanghai, browsers in UTC and Asia/Shanghai)" && playwright test
# Last, and on its own: podman, base images made without a registry, the image from the Dockerfile and
# compose.yaml's stack behind Caddy. It says SKIPPED itself where containers cannot run.
step "Container: the image and compose.yaml's stack, through Caddy (podman)" && tsx scripts/test-container.ts
