import { getTranslations } from "next-intl/server";

/**
 * Says on every back-office page of `npm run demo` that its accounts and delegates are invented and that
 * the accounts' password is public, so that nobody runs a real meeting on it.
 */
export async function DemoBanner() {
  const t = await getTranslations("admin.demo");
  return (
    <p
      role="note"
      className="mb-6 rounded border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 print:hidden"
    >
      {t.rich("text", { strong: (chunks) => <strong className="font-semibold">{chunks}</strong> })}
    </p>
  );
}
