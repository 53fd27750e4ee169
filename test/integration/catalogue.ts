/**
 * The shape of a database as PostgreSQL's catalogue records it, in the current schema: enough to tell
 * whether two databases have the same tables, columns, defaults, indexes, constraints and enum types.
 * Sorted by name, not by creation order: a column added by a later migration sits at another position
 * than in a freshly created table, and that is not a difference worth failing on.
 */
import type { TestDatabase } from "./databases";

const IGNORED_TABLES = ["_prisma_migrations"];

export interface Catalogue {
  relations: { name: string; kind: string }[];
  columns: {
    table: string;
    column: string;
    type: string;
    notNull: boolean;
    default: string | null;
    identity: string;
    generated: string;
  }[];
  indexes: { table: string; name: string; definition: string }[];
  constraints: { table: string; name: string; type: string; definition: string }[];
  enums: { name: string; labels: string[] }[];
}

export async function dumpCatalogue(database: Pick<TestDatabase, "query">): Promise<Catalogue> {
  // One after the other: a pg.Client runs one query at a time anyway and warns about queued ones.
  const relations = await database.query<Catalogue["relations"][number]>(`
      SELECT c.relname AS name, c.relkind::text AS kind
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`);
  const columns = await database.query<Catalogue["columns"][number]>(`
      SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS "default",
             a.attidentity::text AS identity, a.attgenerated::text AS generated
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND a.attnum > 0 AND NOT a.attisdropped`);
  const indexes = await database.query<Catalogue["indexes"][number]>(`
      SELECT tablename AS "table", indexname AS name, indexdef AS definition
      FROM pg_indexes WHERE schemaname = current_schema()`);
  const constraints = await database.query<Catalogue["constraints"][number]>(`
      SELECT c.relname AS "table", con.conname AS name, con.contype::text AS type,
             pg_get_constraintdef(con.oid) AS definition
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = con.connamespace
      WHERE n.nspname = current_schema()`);
  const enums = await database.query<Catalogue["enums"][number]>(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t
      JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema()
      GROUP BY t.typname`);
  const kept = <Row extends { table: string }>(rows: Row[]) =>
    rows.filter((row) => !IGNORED_TABLES.includes(row.table));
  return {
    relations: sorted(relations.filter((row) => !IGNORED_TABLES.includes(row.name))),
    columns: sorted(kept(columns)),
    indexes: sorted(kept(indexes)),
    constraints: sorted(kept(constraints)),
    enums: sorted(enums),
  };
}

function sorted<Row>(rows: Row[]): Row[] {
  const key = (row: Row) => JSON.stringify(row);
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
