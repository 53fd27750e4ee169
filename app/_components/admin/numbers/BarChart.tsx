import { barLayout, fitText, textWidth } from "@/app/_lib/charts";
import { ChartFigure } from "./ChartFigure";

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
 * Horizontal bars, each named on its own line so that long names keep the bars readable on a phone; a
 * capacity is a lighter track behind its bar.
 */
export function BarChart({ title, rows, color, headers, valueSpace = 72 }: Props) {
  // Room for the longest figure, so that "40 / 40 · 14 waiting" is never cut off.
  const figures = Math.max(0, ...rows.map((row) => textWidth(row.text ?? String(row.value), FONT) + 12));
  const layout = barLayout(rows, {
    width: WIDTH,
    valueSpace: Math.min(Math.max(valueSpace, figures), WIDTH / 2),
  });
  return (
    <ChartFigure
      title={title}
      width={layout.width}
      height={layout.height}
      maxWidth="max-w-xl"
      table={{
        headers: [headers.label, headers.value],
        rows: rows.map((row, index) => ({
          key: `${row.label}-${index}`,
          label: row.label,
          cells: [row.text ?? row.value],
        })),
      }}
    >
      {layout.rows.map((row, index) => {
        const source = rows[index]!;
        const bar = (width: number, fill: string) => (
          <rect x={0} y={row.barY} width={width} height={layout.barHeight} rx={2} fill={fill} />
        );
        return (
          <g key={`${row.label}-${index}`}>
            <text x={0} y={row.labelY} fontSize={FONT} fill="#334155">
              {fitText(row.label, WIDTH, FONT)}
            </text>
            {row.of !== null && bar(row.trackWidth, "#e2e8f0")}
            {bar(row.barWidth, source.muted ? "#94a3b8" : (source.color ?? color))}
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
    </ChartFigure>
  );
}
