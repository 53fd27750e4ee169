import { getTranslations } from "next-intl/server";

/** A monitor link that is unknown or has been revoked: what happened and whom to ask, in the page's language. */
export default async function MonitorNotFound() {
  const t = await getTranslations("live.monitor");
  return (
    <div className="space-y-4 py-12 text-center">
      <h1 className="text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p className="text-slate-700">{t("notFoundText")}</p>
    </div>
  );
}
