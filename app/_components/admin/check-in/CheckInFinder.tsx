"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { adminPaths } from "@/app/_lib/admin-paths";
import { useRouter } from "@/app/_lib/i18n/navigation";
import { Scanner } from "./Scanner";

type Props = { meetingSlug: string; q: string; code: string };

const input = "min-h-12 w-full min-w-0 rounded-lg border border-slate-400 px-3 py-2 text-lg";
const submit =
  "min-h-12 shrink-0 rounded-lg bg-brand-700 px-4 py-2 text-lg font-semibold text-white hover:bg-brand-800";

/**
 * The three ways to find a delegate at the desk: the camera, the name, the typed code. Name and code are
 * plain GET forms (they work before the page's script has loaded and give each result its own address);
 * a scanned code opens the same address as a typed one.
 */
export function CheckInFinder({ meetingSlug, q, code }: Props) {
  const t = useTranslations("adminOnSite.checkIn");
  const router = useRouter();
  const path = adminPaths.checkIn(meetingSlug);
  const onCode = useCallback((scanned: string) => router.push(`${path}?code=${scanned}`), [router, path]);
  return (
    <div className="space-y-5">
      <section aria-labelledby="scan-title" className="space-y-2">
        <h2 id="scan-title" className="sr-only">
          {t("scanTitle")}
        </h2>
        <Scanner onCode={onCode} />
      </section>
      <form method="get" role="search" className="space-y-1">
        <label htmlFor="check-in-q" className="block font-semibold">
          {t("searchLabel")}
        </label>
        <div className="flex gap-2">
          <input
            id="check-in-q"
            name="q"
            type="search"
            defaultValue={q}
            autoComplete="off"
            enterKeyHint="search"
            className={input}
          />
          <button type="submit" className={submit}>
            {t("searchSubmit")}
          </button>
        </div>
      </form>
      <form method="get" className="space-y-1">
        <label htmlFor="check-in-code" className="block font-semibold">
          {t("codeLabel")}
        </label>
        <div className="flex gap-2">
          <input
            id="check-in-code"
            name="code"
            defaultValue={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="go"
            placeholder="7K3MQ-9XW2F"
            className={`${input} font-mono uppercase tracking-wider`}
          />
          <button type="submit" className={submit}>
            {t("codeSubmit")}
          </button>
        </div>
      </form>
    </div>
  );
}
