import { getTranslations } from "next-intl/server";
import { TimePairView, type TimePairProps } from "./TimePairView";

/** A time range in the meeting's zone and, beside it, in China, each labelled with its place. */
export async function TimePair(props: TimePairProps) {
  const t = await getTranslations("agenda");
  return <TimePairView {...props} labels={{ local: t("timeBerlin"), china: t("timeChina") }} />;
}
