import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { browserTitle } from "@/app/_components/site/browser-title";
import { LostLinkForm } from "@/app/_components/registration/LostLinkForm";
import { pageLocale } from "@/app/_server/pages";
import { sendLinksAction } from "./actions";

type Props = { searchParams: Promise<{ deleted?: string }> };

// The form renders the title (ErrorSummary's `ownsTitle`): with "Error: " also in the server's answer
// to a form posted without JavaScript.
export const metadata: Metadata = { title: null };

export default async function LostLinkPage({ searchParams }: Props) {
  const [{ deleted }, locale, t] = await Promise.all([
    searchParams,
    pageLocale(),
    getTranslations("lostLink"),
  ]);
  return (
    <div className="max-w-2xl space-y-6">
      {deleted && (
        <p
          role="status"
          className="rounded border border-emerald-300 bg-emerald-50 px-4 py-3 font-medium text-emerald-900"
        >
          {t("deleted")}
        </p>
      )}
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p>{t("intro")}</p>
      <LostLinkForm
        action={sendLinksAction.bind(null, locale)}
        pageTitle={await browserTitle(t("title"), locale)}
      />
    </div>
  );
}
