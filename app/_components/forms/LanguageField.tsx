import { localeNames, locales } from "@/app/_lib/i18n/locales";
import { SelectField, type FieldContext } from "./Field";

type Props = {
  name: string;
  label: string;
  state: FieldContext;
  requiredLabel: string;
  defaultValue: string;
};

/** One of the site's languages, each named in itself (and marked so, for screen readers' voices). */
export function LanguageField(props: Props) {
  return (
    <SelectField
      {...props}
      options={locales.map((locale) => ({ value: locale, label: localeNames[locale], lang: locale }))}
    />
  );
}
