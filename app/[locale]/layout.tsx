import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/app/_components/site/SiteFooter";
import { SiteHeader } from "@/app/_components/site/SiteHeader";
import { htmlLang } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { siteTitle } from "@/app/_lib/page-title";
import { routing } from "@/app/_lib/i18n/routing";
import { getAlliance } from "@/app/_server/alliance/queries";
import "../globals.css";

// Every page reads the database at request time; nothing is prerendered during `next build`.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#991b1b" };

/** The mark and the web manifest, files in public/. The ICO for browsers without SVG icons; iOS takes the
 *  touch icon and the short title for a home-screen shortcut. */
const ICONS = {
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  manifest: "/manifest.webmanifest",
  appleWebApp: { title: "中德" },
} satisfies Metadata;

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const alliance = await getAlliance();
  const name = alliance ? pick(alliance.name, locale) : "";
  return {
    title: { default: name, template: siteTitle("%s", name) },
    description: alliance ? pick(alliance.purpose, locale) : undefined,
    ...ICONS,
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("site");
  return (
    <html lang={htmlLang[locale]}>
      <body className="flex min-h-screen flex-col bg-stone-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        {/* No strings: whatever is handed to the provider is serialized into every page. Client components get
            their text as props; the registration forms get theirs from <RegistrationFormMessages>. */}
        <NextIntlClientProvider messages={null}>
          <SiteHeader locale={locale} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 print:p-0">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
