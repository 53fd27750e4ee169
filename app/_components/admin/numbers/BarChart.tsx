import { barLayout, fitText, textWidth } from "@/app/_lib/charts";
import { FigureTable } from "./FigureTable";

export type BarChartRow = {
  label: string;
  value: number;
  /** A capacity: drawn as a track behind the bar. */
  of?: number | null;
  /** What is written after the bar and in the table; the value when absent. */
  text?: string;
  /** A muted bar (a cancelled session). */
  muted?: boolean;
  /** This bar's own colour (emails by status); the chart's otherwise. */
  color?: string;
};

type Props = {
  title: string;
  rows: BarChartRow[];
  color: string;
  headers: { label: string; value: string };
  /** Least room after the bars for the figures, in chart units (the chart is 400 wide). */
  valueSpace?: number;
};

const FONT = 13;
const WIDTH = 400;

/**
 * Horizontal bars drawn on the server as SVG: it scales with its box (viewBox, width 100 %), names each
 * bar on its own line so that long names keep the bars readable on a phone, and carries the same figures
 * as a table for screen readers (the picture itself is one labelled image).
 */
export function BarChart({ title, rows, color, headers, valueSpace = 72 }: Props) {
  // Room for the longest figure, so that "40 / 40 · 14 waiting" is never cut off.
  const figures = Math.max(0, ...rows.map((row) => textWidth(row.text ?? String(row.value), FONT) + 12));
  const layout = barLayout(rows, {
    width: WIDTH,
    valueSpace: Math.min(Math.max(valueSpace, figures), WIDTH / 2),
  });
  return (
    <figure className="break-inside-avoid">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        role="img"
        aria-label={title}
        className="block h-auto max-w-xl"
      >
        <title>{title}</title>
        {layout.rows.map((row, index) => {
          const source = rows[index]!;
          return (
            <g key={`${row.label}-${index}`}>
              <text x={0} y={row.labelY} fontSize={FONT} fill="#334155">
                {fitText(row.label, WIDTH, FONT)}
              </text>
              {row.of !== null && (
                <rect
                  x={0}
                  y={row.barY}
                  width={row.trackWidth}
                  height={layout.barHeight}
                  rx={2}
                  fill="#e2e8f0"
                />
              )}
              <rect
                x={0}
                y={row.barY}
                width={row.barWidth}
                height={layout.barHeight}
                rx={2}
                fill={source.muted ? "#94a3b8" : (source.color ?? color)}
              />
              <text
                x={row.valueX}
                y={row.barY + layout.barHeight - 2}
                fontSize={FONT}
                fontWeight={600}
                fill="#0f172a"
              >
                {source.text ?? String(row.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <FigureTable
        title={title}
        headers={[headers.label, headers.value]}
        rows={rows.map((row, index) => ({
          key: `${row.label}-${index}`,
          label: row.label,
          cells: [row.text ?? row.value],
        }))}
      />
    </figure>
  );
}
