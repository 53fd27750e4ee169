import { columnLayout, linePoints } from "@/app/_lib/charts";
import { ChartFigure } from "./ChartFigure";

export type Series = { key: string; label: string; color: string };

type Props = {
  title: string;
  /** One column per key (a day, an hour), stacked by series, bottom up. */
  columns: { key: string; label: string; values: number[] }[];
  series: Series[];
  /** A running total drawn as a line on its own scale, its last value written at the end. */
  line?: { label: string; values: number[] };
  headers: { key: string };
};

const FONT = 12;

/** Stacked columns over time with an optional running-total line; a legend names the colours. */
export function ColumnChart({ title, columns, series, line, headers }: Props) {
  const layout = columnLayout(
    columns.map((column) => ({ key: column.key, values: column.values })),
    { width: 400, height: 200, left: 28, bottom: 22, maxLabels: columns.length > 12 ? 4 : 6 },
  );
  const points = line ? linePoints(line.values, layout) : [];
  const last = points.at(-1);
  return (
    <ChartFigure
      title={title}
      width={layout.width}
      height={layout.height}
      maxWidth="max-w-2xl"
      table={{
        headers: [headers.key, ...series.map((item) => item.label), ...(line ? [line.label] : [])],
        rows: columns.map((column, index) => ({
          key: column.key,
          label: column.label,
          cells: [...column.values, ...(line ? [line.values[index]!] : [])],
        })),
      }}
      after={<Legend series={series} line={line?.label} />}
    >
      {layout.ticks.map((tick) => (
        <g key={tick.value}>
          <line
            x1={layout.plot.left}
            x2={layout.plot.right}
            y1={tick.y}
            y2={tick.y}
            stroke="#e2e8f0"
            strokeWidth={1}
          />
          <text x={layout.plot.left - 4} y={tick.y + 4} fontSize={FONT} textAnchor="end" fill="#475569">
            {tick.value}
          </text>
        </g>
      ))}
      {layout.columns.map((column) => (
        <g key={column.key}>
          {column.segments.map((segment, index) =>
            segment.height > 0 ? (
              <rect
                key={series[index]!.key}
                x={column.x}
                y={segment.y}
                width={column.width}
                height={segment.height}
                fill={series[index]!.color}
              />
            ) : null,
          )}
        </g>
      ))}
      <line
        x1={layout.plot.left}
        x2={layout.plot.right}
        y1={layout.plot.bottom}
        y2={layout.plot.bottom}
        stroke="#475569"
        strokeWidth={1}
      />
      {layout.labelled.map((index) => {
        const column = layout.columns[index]!;
        const anchor =
          index === 0 && layout.columns.length > 6
            ? "start"
            : index === layout.columns.length - 1 && layout.columns.length > 6
              ? "end"
              : "middle";
        const x =
          anchor === "start"
            ? column.x
            : anchor === "end"
              ? column.x + column.width
              : column.x + column.width / 2;
        return (
          <text
            key={column.key}
            x={x}
            y={layout.height - 6}
            fontSize={FONT}
            textAnchor={anchor}
            fill="#475569"
          >
            {columns[index]!.label}
          </text>
        );
      })}
      {line && points.length > 1 && (
        <polyline
          points={points.map((point) => `${point.x},${point.y}`).join(" ")}
          fill="none"
          stroke="#0f172a"
          strokeWidth={2}
          strokeLinejoin="round"
        />
      )}
      {line && last && (
        <text
          x={Math.min(last.x, layout.plot.right)}
          y={Math.max(last.y - 6, FONT)}
          fontSize={FONT}
          fontWeight={600}
          textAnchor="end"
          fill="#0f172a"
        >
          {line.values.at(-1)}
        </text>
      )}
    </ChartFigure>
  );
}

/** What each colour stands for, and the line. */
function Legend({ series, line }: { series: Series[]; line?: string }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
      {series.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block size-3 rounded-sm"
            style={{ backgroundColor: item.color }}
          />
          {item.label}
        </li>
      ))}
      {line && (
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-0.5 w-4 bg-slate-900" />
          {line}
        </li>
      )}
    </ul>
  );
}
