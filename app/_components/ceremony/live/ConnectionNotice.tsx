"use client";

import { useTranslations } from "next-intl";
import type { Connection } from "./useLiveShow";

/**
 * Says so while a view's stream is down (the view keeps counting meanwhile), or when it has ended for
 * good. Always in the page, empty while live, so that screen readers hear the change.
 */
export function ConnectionNotice({
  connection,
  className = "",
}: {
  connection: Connection;
  className?: string;
}) {
  const t = useTranslations("live");
  return (
    <p role="status" data-testid="live-connection" className={className}>
      {connection === "reconnecting" ? t("reconnecting") : connection === "gone" ? t("gone") : ""}
    </p>
  );
}
