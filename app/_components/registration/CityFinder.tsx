"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import {
  cityFieldValue,
  matchCity,
  suggestCities,
  type CitySuggestion,
  type FindableCity,
} from "@/app/_lib/cities/matching";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import { inputClass, invalidProps, LabelledField, textValue, type FieldContext } from "../forms/Field";
import { useHydrated } from "../useHydrated";

export type CityOption = FindableCity & { country: "DE" | "CN"; full: boolean; region: Translations | null };

type Props = {
  state: FieldContext;
  cities: readonly CityOption[];
  label: string;
  hint: string;
};

const FIELD = "city";

/**
 * The city field: a combobox (ARIA 1.2 pattern) that lists the cities whose names or other spellings begin
 * with what was typed, in the reader's language with the other script beside it, by the rules the server
 * reads the field with (app/_lib/cities/matching.ts). Arrows move through the list, Enter takes a city,
 * Escape closes the list. Without JavaScript it is a plain text field, and the server matches what was typed.
 * A name that is no member city is said to be one before the form is sent.
 */
export function CityFinder({ state, cities, label, hint }: Props) {
  const t = useTranslations("cityFinder");
  const locale = useLocale() as AppLocale;
  const hydrated = useHydrated();
  const listId = useId();
  const typedBefore = textValue(state, FIELD) ?? "";
  const [typed, setTyped] = useState(typedBefore);
  const [shownFor, setShownFor] = useState(typedBefore);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // A new answer from the server (the form sent again) brings back what was typed then.
  if (shownFor !== typedBefore) {
    setShownFor(typedBefore);
    setTyped(typedBefore);
  }

  const suggestions = suggestCities(typed, cities, locale);
  const expanded = hydrated && open && suggestions.length > 0;
  const match = matchCity(typed, cities);
  const optionId = (index: number) => `${listId}-option-${index}`;

  function choose({ kind, city }: CitySuggestion<CityOption>) {
    // A namesake puts its own characters (泰州), which the server keeps as a town outside the alliance.
    setTyped(
      kind === "namesake" ? (city.name.zh ?? pick(city.name, locale)) : cityFieldValue(city, cities, locale),
    );
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(event.key === "ArrowDown" ? 0 : suggestions.length - 1);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      // Takes the city instead of sending the form.
      event.preventDefault();
      choose(suggestions[active]!);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const note =
    hydrated && !expanded && typed.trim()
      ? match.kind === "ambiguous"
        ? t("ambiguous")
        : match.kind === "none"
          ? t("noMatch", { typed: typed.trim() })
          : null
      : null;
  const noteId = `${FIELD}-note`;
  const described = [invalidProps(FIELD, state, hint)["aria-describedby"], note ? noteId : null]
    .filter(Boolean)
    .join(" ");

  return (
    <LabelledField name={FIELD} label={label} state={state} hint={hint}>
      <div className="relative">
        <input
          id={FIELD}
          name={FIELD}
          type="text"
          autoComplete="off"
          maxLength={100}
          className={inputClass}
          value={typed}
          {...invalidProps(FIELD, state, hint)}
          aria-describedby={described || undefined}
          {...(hydrated && {
            role: "combobox",
            "aria-autocomplete": "list" as const,
            "aria-expanded": expanded,
            "aria-controls": listId,
            "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
          })}
          onChange={(event) => {
            setTyped(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        {hydrated && (
          <ul
            id={listId}
            role="listbox"
            aria-label={t("suggestions")}
            hidden={!expanded}
            className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-300 bg-white py-1 shadow-lg"
          >
            {expanded &&
              suggestions.map((suggestion, index) => (
                <li
                  key={suggestion.city.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={`cursor-pointer px-3 py-2 ${index === active ? "bg-brand-700 text-white" : "hover:bg-slate-100"}`}
                  // Keeps the focus in the field, so that the list does not close before the click.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(suggestion)}
                >
                  <OptionText suggestion={suggestion} locale={locale} notMember={t("notMember")} />
                </li>
              ))}
          </ul>
        )}
        {hydrated && (
          <p className="sr-only" role="status">
            {open && typed.trim() ? t("count", { count: suggestions.length }) : ""}
          </p>
        )}
      </div>
      {note && (
        <p id={noteId} className="text-sm text-amber-800">
          {note}
        </p>
      )}
    </LabelledField>
  );
}

/** "科隆 Köln（北莱茵-威斯特法伦州）", the region in small type, and "not a member city" for a namesake. */
function OptionText({
  suggestion: { kind, city },
  locale,
  notMember,
}: {
  suggestion: CitySuggestion<CityOption>;
  locale: AppLocale;
  notMember: string;
}) {
  const name = pick(city.name, locale);
  const otherLocale = locale === "zh" ? "de" : "zh";
  const other = city.name[otherLocale]?.trim();
  const details = [city.region ? pick(city.region, locale) : "", kind === "namesake" ? notMember : ""].filter(
    Boolean,
  );
  return (
    <>
      <span className="font-medium">{name}</span>
      {other && other !== name && (
        <>
          {" "}
          <span lang={otherLocale === "zh" ? "zh-CN" : "de"}>{other}</span>
        </>
      )}
      {details.length > 0 && (
        <span className="text-sm opacity-80">
          {locale === "zh" ? `（${details.join("，")}）` : ` (${details.join(", ")})`}
        </span>
      )}
    </>
  );
}
