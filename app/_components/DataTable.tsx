import type { ComponentProps, Key, ReactNode } from "react";

/**
 * The one table of the back office's lists (and of the public run-of-show): columns are declared once,
 * the markup and its classes live here. No hooks and no browser code, so it renders on the server and
 * inside client forms alike.
 */

export type Column<Row> = {
  /** Keys the column's cells; stable across renders. */
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** The cell names its row for screen readers: a `<th scope="row">` instead of a `<td>`. */
  rowHeader?: boolean;
  /** Figures line up on the right, heading included. */
  align?: "right";
  /** Classes for this column's body cells (nowrap, tabular figures, a minimum width, a font weight). */
  className?: string;
  /** A sorted column tells screen readers which way. */
  sort?: "ascending" | "descending";
};

/** A row's own attributes: a test id, a data attribute, a highlight, drag handlers. */
export type RowAttributes = ComponentProps<"tr"> & { [data: `data-${string}`]: string | boolean | undefined };

/**
 * list: lines between rows, flush with the page (most lists). boxed: a white card with a grey heading row.
 * print: heavier lines that survive a photocopier, no scrolling on paper.
 */
type Look = "list" | "boxed" | "print";

const looks: Record<
  Look,
  { box: string; table: string; head: string; headRow: string; cell: string; body: string; row: string }
> = {
  list: {
    box: "relative overflow-x-auto",
    table: "border-collapse",
    head: "",
    headRow: "border-b border-slate-300",
    cell: "py-2 pr-3 last:pr-0",
    body: "",
    row: "border-b border-slate-200",
  },
  boxed: {
    box: "relative overflow-x-auto rounded-lg border border-slate-200 bg-white",
    table: "",
    head: "bg-slate-100 text-slate-600",
    headRow: "",
    cell: "px-3 py-2",
    body: "divide-y divide-slate-100",
    row: "",
  },
  print: {
    box: "relative overflow-x-auto print:overflow-visible",
    table: "border-collapse print:min-w-0",
    head: "",
    headRow: "border-b-2 border-slate-900",
    cell: "py-1.5 pr-3 last:pr-0",
    body: "",
    row: "border-b border-slate-300",
  },
};

type Props<Row> = {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** Read out before the table; hidden unless `captionVisible`. */
  caption?: ReactNode;
  captionVisible?: boolean;
  /**
   * Names the scroll box, which then is a focusable region: on a phone a wide table scrolls sideways
   * in it, and keyboard users can scroll it too.
   */
  label?: string;
  /** Shown instead of the table when there are no rows; without it an empty table is drawn. */
  empty?: ReactNode;
  /** One full-width line under the rows (a total). */
  footer?: ReactNode;
  look?: Look;
  /** The width below which the box scrolls instead of squeezing the columns, e.g. `min-w-[40rem]`. */
  minWidth?: string;
  testId?: string;
  rowProps?: (row: Row, index: number) => RowAttributes;
};

export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  captionVisible = false,
  label,
  empty,
  footer,
  look = "list",
  minWidth = "",
  testId,
  rowProps,
}: Props<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  const style = looks[look];
  const alignOf = (column: Column<Row>) => (column.align === "right" ? "text-right" : "");
  return (
    <div
      className={style.box}
      {...(label !== undefined && { role: "region", "aria-label": label, tabIndex: 0 })}
    >
      <table className={`w-full text-left text-sm ${style.table} ${minWidth}`} data-testid={testId}>
        {caption !== undefined && (
          <caption className={captionVisible ? "pb-2 text-left font-semibold" : "sr-only"}>{caption}</caption>
        )}
        <thead className={style.head}>
          <tr className={style.headRow}>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={column.sort}
                className={`${style.cell} ${alignOf(column)}`}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={style.body}>
          {rows.map((row, index) => {
            const { className: rowClass = "", ...attributes } = rowProps?.(row, index) ?? {};
            return (
              <tr key={rowKey(row)} {...attributes} className={`align-top ${style.row} ${rowClass}`}>
                {columns.map((column) => {
                  const className = `${style.cell} ${alignOf(column)} ${column.className ?? ""}`;
                  const content = column.cell(row, index);
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={`text-left ${className}`}>
                      {content}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
        {footer !== undefined && (
          <tfoot>
            <tr>
              <td colSpan={columns.length} className={`${style.cell} text-slate-600`}>
                {footer}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
