# The app as a container image: the Next.js standalone server on Node 24, run as an unprivileged user,
# with the commands of a deploy (db:migrate, db:seed, admin:create, retention) next to it.
#
#   docker build -t alliance-meeting .
#   docker run --rm -e DATABASE_URL=postgresql://… alliance-meeting db:migrate
#   docker run --rm -it -e DATABASE_URL=postgresql://… alliance-meeting admin:create --email … --name …
#
# compose.yaml runs it with PostgreSQL and Caddy; README "Deploy" says how. Without DATABASE_URL the
# server uses the embedded database in /data (mount a volume there; one process only).

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- deps: the npm packages, reused while package.json and the lockfile stay the same -------------------
FROM ${NODE_IMAGE} AS deps
LABEL org.opencontainers.image.title="alliance-meeting"
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

# The postinstall step (`prisma generate`) needs the schema, prisma.config.ts and the schema engine's
# stand-in script.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
COPY scripts/schema-engine-unavailable.sh scripts/schema-engine-unavailable.sh
# Behind a proxy that inspects TLS, npm needs that proxy's certificate authority; pass your bundle with
#   docker build --secret id=ca-certificates,src=/etc/ssl/certs/ca-certificates.crt .
RUN --mount=type=secret,id=ca-certificates,target=/run/secrets/ca-certificates.crt \
    if [ -f /run/secrets/ca-certificates.crt ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca-certificates.crt; fi \
 && npm ci --no-audit --no-fund

# ---- build: the production build and the deploy commands ---------------------------------------------
FROM deps AS build
COPY . .
# BUILD_OUTPUT=standalone makes `next build` write a self-contained server to .next/standalone
# (next.config.js). Only here: `next start`, which npm start and the tests use, warns about such a build.
RUN BUILD_OUTPUT=standalone npm run build

# The deploy commands run without tsx in the image: bundled once, with the react-server condition that
# `npm run db:*` gives them through tsx. Packages that load files next to themselves at run time (native
# argon2, PGlite's WebAssembly, the schema engine's .wasm) stay outside the bundle; the standalone
# build's node_modules has them.
RUN node_modules/.bin/esbuild scripts/db.ts scripts/admin-create.ts scripts/retention.ts \
      --bundle --splitting --format=esm --platform=node --target=node22 --conditions=react-server \
      --external:@node-rs/argon2 --external:@electric-sql/pglite --external:@prisma/schema-engine-wasm \
      --external:pg-native \
      '--banner:js=import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' \
      --outdir=.deploy-scripts --out-extension:.js=.mjs --log-level=warning

# ---- runtime ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
LABEL org.opencontainers.image.title="alliance-meeting" \
      org.opencontainers.image.description="Registration, agenda and ceremonies of the annual meeting of the Chinese-German Industrial Cities Alliance"
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data/pglite \
    NEXT_MANUAL_SIG_HANDLE=true
# HOSTNAME: every address of the container, for Caddy on the compose network (PORT is 3000).
# NEXT_MANUAL_SIG_HANDLE: SIGTERM is the app's, which lets requests under way finish (app/_server/shutdown.ts).

# The server runs as `alliance` and cannot change its own code (owned by root); it writes only to
# .next/cache and, with the embedded database, to /data.
RUN groupadd --system --gid 1001 alliance \
 && useradd --system --uid 1001 --gid alliance --home-dir /app --no-create-home --shell /usr/sbin/nologin alliance \
 && mkdir -p /data .next/cache \
 && chown alliance:alliance /data .next/cache

COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/.deploy-scripts ./scripts
COPY deploy/healthcheck.mjs ./healthcheck.mjs
COPY deploy/docker-entrypoint.sh /usr/local/bin/alliance-entrypoint

USER alliance
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["node", "/app/healthcheck.mjs"]
ENTRYPOINT ["alliance-entrypoint"]
CMD ["start"]
