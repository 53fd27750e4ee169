import type { ReactNode } from "react";
import { FigureTable } from "./FigureTable";

type Props = {
  title: string;
  width: number;
  height: number;
  /** How wide the drawing may grow, e.g. `max-w-xl`. */
  maxWidth: string;
  /** The drawing's shapes, in chart units. */
  children: ReactNode;
  /** Under the drawing: a legend. */
  after?: ReactNode;
  /** The same figures for screen readers. */
  table: Omit<Parameters<typeof FigureTable>[0], "title">;
};

/**
 * A chart drawn on the server as SVG: it scales with its box (viewBox, width 100 %), is one labelled
 * image, and carries its figures as a table for screen readers.
 */
export function ChartFigure({ title, width, height, maxWidth, children, after, table }: Props) {
  return (
    <figure className="break-inside-avoid">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={title}
        className={`block h-auto ${maxWidth}`}
      >
        <title>{title}</title>
        {children}
      </svg>
      {after}
      <FigureTable title={title} headers={table.headers} rows={table.rows} />
    </figure>
  );
}
