import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_lib/i18n/navigation";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AuditEntryDto } from "@/app/_server/audit/queries";

type Translate = Awaited<ReturnType<typeof getTranslations<"admin.audit">>>;
type Key = Parameters<Translate["rich"]>[0];

/** The record's name, or, once it is gone, what its last record called it, or the kind of record. */
function nameOf(entry: AuditEntryDto, t: Translate, roles: (role: string) => string | null): string {
  if (entry.target) return entry.target.label;
  if (entry.entity === "RolePolicy") return roles(entry.entityId) ?? entry.entityId;
  const last = [entry.before, entry.after].find((record) => record && typeof record === "object") as
    Record<string, unknown> | undefined;
  const remembered = last && (last.titleDe ?? last.nameDe ?? last.email);
  if (typeof remembered === "string" && remembered) return remembered;
  const entity = `entities.${entry.entity}` as Key;
  return t.has(entity) ? t(entity as "entities.Session") : entry.entity;
}

function hrefOf(entry: AuditEntryDto): string | null {
  if (entry.target) return entry.target.href;
  if (entry.entity === "OutboxEmail") return adminPaths.outboxEmail(entry.entityId);
  return null;
}

/**
 * What an entry did, in words in the reader's language, with the record by its name and linked to its
 * page: "Sitzung „Eröffnung“ veröffentlicht". An action without words of its own says its kind of record
 * and its code.
 */
export async function AuditWhat({ entry }: { entry: AuditEntryDto }) {
  const [t, tr] = await Promise.all([getTranslations("admin.audit"), getTranslations("admin.roles")]);
  const roles = (role: string) => (tr.has(role as "admin") ? tr(role as "admin") : null);
  const name = nameOf(entry, t, roles);
  const href = hrefOf(entry);
  const target = (chunks: ReactNode) =>
    href ? (
      <Link href={href} className="font-medium text-brand-700 underline">
        {chunks}
      </Link>
    ) : (
      <span className="font-medium">{chunks}</span>
    );
  const key = `actions.${entry.action}` as Key;
  if (t.has(key)) return <>{t.rich(key as "actions.session.publish", { name, target })}</>;
  const entity = `entities.${entry.entity}` as Key;
  return (
    <>
      {t.rich("fallback", {
        entity: t.has(entity) ? t(entity as "entities.Session") : entry.entity,
        name,
        target,
        action: entry.action,
      })}
    </>
  );
}
