import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./app/_lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time: PGlite reads its .wasm/.data files next to itself.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden(): back-office pages answer 403 with their own page when the role may not open them.
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
