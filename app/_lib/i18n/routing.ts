import { defineRouting } from "next-intl/routing";
import { defaultLocale, locales } from "./locales";

/** Every page lives under its language: /de/…, /en/…, /zh/…; `/` redirects by Accept-Language. */
export const routing = defineRouting({ locales, defaultLocale, localePrefix: "always" });
