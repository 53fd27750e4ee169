"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from "react";
import type { FormState } from "@/app/_lib/form-state";
import { summaryLines, type SummaryLayout } from "@/app/_lib/forms/error-summary";
import { FormMessage } from "./FormMessage";

type Props = SummaryLayout & {
  state: FormState;
  /** The page's title: while the summary shows, the document's title starts with "Error: ". */
  pageTitle?: string;
  /**
   * The page leaves its title to this form (its metadata has none), so that the server's answer to a
   * form posted without JavaScript has one title, with "Error: " where it belongs: the summary then
   * renders the plain title too. For pages with one form; a page with several keeps its metadata title,
   * and the prefix needs JavaScript there (React puts a rendered <title> before the page's own).
   */
  ownsTitle?: boolean;
  /** A way on below the list, such as the link that sends a manage link again. */
  children?: ReactNode;
};

/**
 * The sentence about the whole form, and after a refusal with field errors the GOV.UK error summary: it
 * takes the focus (also in the page the server renders for a browser without JavaScript, through
 * `autofocus`), lists every error as a link to its field, and the title says that something is wrong.
 */
export function ErrorSummary({ state, pageTitle, ownsTitle, children, ...layout }: Props) {
  const t = useTranslations("publicForms");
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const lines = state.ok ? [] : summaryLines(state.fieldErrors, layout);

  useEffect(() => {
    if (lines.length > 0) ref.current?.focus();
    // Each answer of the server is a new state: focus again after every refused submission.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  if (lines.length === 0)
    return (
      <>
        {ownsTitle && pageTitle && <title>{pageTitle}</title>}
        <FormMessage state={state} />
      </>
    );
  return (
    <div
      ref={ref}
      tabIndex={-1}
      autoFocus
      aria-labelledby={headingId}
      data-testid="error-summary"
      className="space-y-2 rounded border-2 border-red-700 bg-white p-4 focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400"
    >
      {pageTitle && <title>{t("errorTitle", { title: pageTitle })}</title>}
      <div role="alert" className="space-y-2">
        <h2 id={headingId} className="text-lg font-semibold text-red-900">
          {t("summaryHeading")}
        </h2>
        {state.message && <p>{state.message}</p>}
        <ul className="list-disc space-y-1 pl-5">
          {lines.map((line) => (
            <li key={line.field}>
              {line.target ? (
                <a
                  href={`#${line.target}`}
                  onClick={(event) => focusField(event, line.target!)}
                  className="font-medium text-red-800 underline"
                >
                  {line.message}
                </a>
              ) : (
                <span className="font-medium text-red-800">{line.message}</span>
              )}
            </li>
          ))}
        </ul>
      </div>
      {children}
    </div>
  );
}

/**
 * Focuses the field and shows its label above it (GOV.UK's behaviour): the browser's own jump would put
 * the control at the top edge, with the label that says what it is out of view.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const control = document.getElementById(id);
  if (!control) return;
  event.preventDefault();
  const box =
    control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio");
  // A box's question is its group's legend; any other control's, its label.
  const label =
    (box ? control.closest("fieldset")?.querySelector("legend") : null) ??
    document.querySelector(`label[for="${CSS.escape(id)}"]`) ??
    control;
  label.scrollIntoView({ block: "start" });
  control.focus({ preventScroll: true });
}
