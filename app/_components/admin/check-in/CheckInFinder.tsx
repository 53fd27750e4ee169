"use client";

import { useTranslations } from "next-intl";
import { useCallback, type ComponentProps } from "react";
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
      <FinderForm
        label={t("searchLabel")}
        submitLabel={t("searchSubmit")}
        search
        id="check-in-q"
        name="q"
        type="search"
        defaultValue={q}
        enterKeyHint="search"
      />
      <FinderForm
        label={t("codeLabel")}
        submitLabel={t("codeSubmit")}
        id="check-in-code"
        name="code"
        defaultValue={code}
        autoCapitalize="characters"
        spellCheck={false}
        enterKeyHint="go"
        placeholder="7K3MQ-9XW2F"
        className="font-mono uppercase tracking-wider"
      />
    </div>
  );
}

type FinderFormProps = ComponentProps<"input"> & {
  id: string;
  label: string;
  submitLabel: string;
  /** A search landmark for screen readers: the form that finds by name. */
  search?: boolean;
};

/** A one-field GET form: the label above, the field and its button side by side. */
function FinderForm({ label, submitLabel, search = false, className = "", ...field }: FinderFormProps) {
  return (
    <form method="get" role={search ? "search" : undefined} className="space-y-1">
      <label htmlFor={field.id} className="block font-semibold">
        {label}
      </label>
      <div className="flex gap-2">
        <input {...field} autoComplete="off" className={`${input} ${className}`.trim()} />
        <button type="submit" className={submit}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
