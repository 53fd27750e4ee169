import { getTranslations } from "next-intl/server";

export async function SeatsLeft({ capacity, left }: { capacity: number; left: number }) {
  const t = await getTranslations("session");
  return (
    <p
      data-testid="seats-left"
      className={`text-sm font-medium ${left === 0 ? "text-red-700" : "text-emerald-700"}`}
    >
      {t("seatsLeft", { left, capacity })}
    </p>
  );
}
