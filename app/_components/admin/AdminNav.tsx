import { getTranslations } from "next-intl/server";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";
import { may, type Permission } from "@/app/_lib/roles";
import type { Actor } from "@/app/_server/authz";
import { SignOutButton } from "./SignOutButton";

const items: {
  href: string;
  key: "meetings" | "people" | "cities" | "accounts" | "audit" | "outbox" | "twoFactor";
  permission: Permission;
}[] = [
  { href: adminPaths.home, key: "meetings", permission: "openBackOffice" },
  { href: adminPaths.people, key: "people", permission: "editProgram" },
  { href: adminPaths.cities, key: "cities", permission: "editProgram" },
  { href: adminPaths.accounts, key: "accounts", permission: "manageAccounts" },
  { href: adminPaths.audit, key: "audit", permission: "readAudit" },
  { href: adminPaths.outbox, key: "outbox", permission: "readNumbers" },
  { href: adminPaths.twoFactor, key: "twoFactor", permission: "openBackOffice" },
];

/** The back office's bar: what this role may open, who is signed in, sign-out. */
export async function AdminNav({ actor }: { actor: Actor }) {
  const t = await getTranslations("admin.nav");
  const tRoles = await getTranslations("admin.roles");
  return (
    <div className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 rounded border border-slate-200 bg-white px-4 py-3 print:hidden">
      <span className="font-semibold text-brand-800">{t("title")}</span>
      <nav aria-label={t("label")} className="flex flex-wrap gap-1">
        {items
          // While a required second factor is due, every other area sends back to its set-up.
          .filter(
            (item) =>
              may(actor.role, item.permission) && (!actor.secondFactorDue || item.key === "twoFactor"),
          )
          .map((item) => (
            <Link
              key={item.key}
              href={item.href}
              className="rounded px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              {t(item.key)}
            </Link>
          ))}
      </nav>
      <span className="ml-auto text-sm text-slate-600" data-testid="signed-in-as">
        {actor.name} · {tRoles(actor.role)}
      </span>
      <Link href={adminPaths.ownAccount} className="text-sm font-medium text-brand-700 underline">
        {t("ownAccount")}
      </Link>
      <SignOutButton />
    </div>
  );
}
