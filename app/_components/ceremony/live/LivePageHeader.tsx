import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_lib/i18n/navigation";

type Props = { kicker: string; title: string; ceremonyHref: string; other: { href: string; text: string } };

/** The head of the operator's and the crew's page: what it is, the ceremony, and the way to the other views. */
export async function LivePageHeader({ kicker, title, ceremonyHref, other }: Props) {
  const t = await getTranslations("adminLiveViews");
  return (
    <header className="space-y-1">
      <nav className="flex flex-wrap gap-x-4 text-sm">
        <Link href={ceremonyHref} className="text-brand-700 underline">
          ← {t("backToCeremony")}
        </Link>
        <Link href={other.href} className="text-brand-700 underline">
          {other.text}
        </Link>
      </nav>
      <p className="text-sm font-medium uppercase tracking-wide text-slate-600">{kicker}</p>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
    </header>
  );
}
