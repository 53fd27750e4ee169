import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./app/_lib/i18n/request.ts");

/**
 * Security headers that never change, set here rather than in proxy.ts so that the JSON API, the feeds
 * and static files get them without running the proxy. Pages get their Content-Security-Policy, with a
 * nonce per request, from proxy.ts (app/_server/security/content-security-policy.ts). Where two rules
 * below set the same header, the later one wins; a header set here also wins over the same header set
 * by a route handler, which is why the secret addresses get their `no-referrer` here as well.
 */
const securityHeaders = [
  {
    source: "/:path*",
    headers: [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      // For browsers without CSP frame-ancestors: no page of the app may be framed by another site.
      { key: "X-Frame-Options", value: "DENY" },
      // `next build` and `next start` only (next dev serves plain http on localhost).
      ...(process.env.NODE_ENV === "production"
        ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
        : []),
    ],
  },
  // JSON, calendars and files are never documents that run anything: no source at all, no framing. An
  // address with a dot in it is a file to the proxy, which leaves it alone: a missing one gets the plain
  // 404 page, built at `next build` without a nonce.
  ...["/api/:path*", "/calendar/:path*", "/_next/static/:path*", "/:file(.*\\..*)"].map((source) => ({
    source,
    headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
  })),
  // Addresses that are secrets (manage links, personal feeds, password links, monitor links) never go on as
  // a referrer.
  // The manage page's only to the app itself: its forms, posted without JavaScript, must carry an Origin
  // (under "no-referrer" the browser sends `Origin: null`, refused as cross-site).
  {
    source: "/:locale/manage/:token",
    headers: [{ key: "Referrer-Policy", value: "same-origin" }],
  },
  ...[
    "/:locale/admin/password/:token",
    "/:locale/admin/setup/:token",
    "/:locale/live/:token",
    "/api/manage/:path*",
    "/api/live/:path*",
    "/calendar/personal/:path*",
  ].map((source) => ({
    source,
    headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
  })),
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time: PGlite reads its .wasm/.data files next to itself.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden(): back-office pages answer 403 with their own page when the role may not open them.
    authInterrupts: true,
    // Next's default, written out: the proxy refuses a bigger action body with a 413 first
    // (ACTION_BODY_LIMIT_BYTES in app/_server/security/request-shape.ts), since Next answers it with a 500.
    serverActions: { bodySizeLimit: "1mb" },
  },
  headers: async () => securityHeaders,
  // The Dockerfile builds with BUILD_OUTPUT=standalone: a self-contained server in .next/standalone, plus
  // what migrations read from the project folder at run time (app/_server/database/migrations.ts), which
  // no import shows the tracer. Only there: `next start` warns against serving a standalone build.
  ...(process.env.BUILD_OUTPUT === "standalone" && {
    output: "standalone",
    outputFileTracingIncludes: {
      "/*": [
        "./prisma/schema.prisma",
        "./prisma/migrations/**/*",
        "./node_modules/@prisma/schema-engine-wasm/**/*",
      ],
    },
  }),
};

export default withNextIntl(nextConfig);
