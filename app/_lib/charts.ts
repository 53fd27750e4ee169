/**
 * Geometry of the dashboard's charts: scales, ticks, bar and column layout. Pure numbers, no markup, so
 * that the SVG components only draw what this computes and the arithmetic has tests of its own.
 */

/** Ticks of a count axis from 0: steps of 1, 2 or 5 × 10ⁿ (never fractions: people come whole). */
export function countTicks(max: number, wanted = 4): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const rough = max / Math.max(wanted, 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power,
  );
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= top; value += step) ticks.push(value);
  return { top, ticks };
}

/** Maps 0…top onto 0…length; values outside are clamped, so a bar never leaves its chart. */
export function scale(top: number, length: number): (value: number) => number {
  return (value) => (top > 0 ? (Math.min(Math.max(value, 0), top) / top) * length : 0);
}

export type BarRow = { label: string; value: number; of?: number | null };

export type BarLayout = {
  width: number;
  height: number;
  rows: {
    label: string;
    value: number;
    of: number | null;
    labelY: number;
    barY: number;
    barWidth: number;
    trackWidth: number;
    valueX: number;
  }[];
  barHeight: number;
};

/**
 * Horizontal bars with the label on its own line above each bar: long city or session names stay
 * readable on a phone instead of squeezing the bars. `of` (a capacity) draws a track behind the bar and
 * sets the scale when larger than the values.
 */
export function barLayout(
  rows: BarRow[],
  options: { width?: number; rowHeight?: number; barHeight?: number; valueSpace?: number } = {},
): BarLayout {
  const width = options.width ?? 400;
  const rowHeight = options.rowHeight ?? 40;
  const barHeight = options.barHeight ?? 14;
  const valueSpace = options.valueSpace ?? 72;
  const top = Math.max(0, ...rows.map((row) => Math.max(row.value, row.of ?? 0)));
  const x = scale(top, width - valueSpace);
  return {
    width,
    height: Math.max(rows.length * rowHeight, rowHeight),
    barHeight,
    rows: rows.map((row, index) => {
      const barWidth = x(row.value);
      const trackWidth = row.of ? x(row.of) : 0;
      return {
        label: row.label,
        value: row.value,
        of: row.of ?? null,
        labelY: index * rowHeight + 14,
        barY: index * rowHeight + 20,
        barWidth,
        trackWidth,
        valueX: Math.max(barWidth, trackWidth) + 6,
      };
    }),
  };
}

export type Column = {
  key: string;
  x: number;
  width: number;
  segments: { y: number; height: number }[];
  total: number;
};

export type ColumnLayout = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  ticks: { value: number; y: number }[];
  columns: Column[];
  /** The columns whose key is written under the axis: few enough not to overlap. */
  labelled: number[];
};

/**
 * Stacked columns, one per key (a day, an hour), segments bottom up in the order given. The y axis has
 * count ticks; only about `maxLabels` columns get their key written under them.
 */
export function columnLayout(
  series: { key: string; values: number[] }[],
  options: { width?: number; height?: number; left?: number; bottom?: number; maxLabels?: number } = {},
): ColumnLayout {
  const width = options.width ?? 400;
  const height = options.height ?? 200;
  const plot = {
    left: options.left ?? 32,
    top: 8,
    right: width - 4,
    bottom: height - (options.bottom ?? 24),
  };
  const totals = series.map((column) => column.values.reduce((sum, value) => sum + value, 0));
  const { top, ticks } = countTicks(Math.max(0, ...totals));
  const y = scale(top, plot.bottom - plot.top);
  const slot = series.length ? (plot.right - plot.left) / series.length : 0;
  const columnWidth = Math.max(slot * 0.8, Math.min(slot, 1));
  const columns = series.map((column, index) => {
    let base = plot.bottom;
    const segments = column.values.map((value) => {
      const segmentHeight = y(value);
      base -= segmentHeight;
      return { y: base, height: segmentHeight };
    });
    return {
      key: column.key,
      x: plot.left + index * slot + (slot - columnWidth) / 2,
      width: columnWidth,
      segments,
      total: totals[index]!,
    };
  });
  return {
    width,
    height,
    plot,
    ticks: ticks.map((value) => ({ value, y: plot.bottom - y(value) })),
    columns,
    labelled: labelledIndexes(series.length, options.maxLabels ?? 5),
  };
}

/** Evenly spread indexes from the first to the last, at most `max` of them. */
export function labelledIndexes(count: number, max: number): number[] {
  if (count <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, index) => index);
  if (max <= 1) return [0];
  const step = Math.ceil((count - 1) / (max - 1));
  const indexes: number[] = [];
  for (let index = 0; index < count; index += step) indexes.push(index);
  // The last column is the latest day: always named, unless it would crowd the one before.
  if (indexes.at(-1) !== count - 1 && count - 1 - indexes.at(-1)! >= step / 2) indexes.push(count - 1);
  return indexes;
}

/** The points of a line over the columns' centres, e.g. the running total, on its own 0…max scale. */
export function linePoints(values: number[], layout: ColumnLayout): { x: number; y: number }[] {
  const top = Math.max(0, ...values);
  const y = scale(top, layout.plot.bottom - layout.plot.top);
  return values.map((value, index) => {
    const column = layout.columns[index]!;
    return { x: column.x + column.width / 2, y: layout.plot.bottom - y(value) };
  });
}

/** Running totals. */
export function cumulative(values: number[]): number[] {
  let sum = 0;
  return values.map((value) => (sum += value));
}

export type TimeUnit = "day" | "week" | "month";

/** Columns a time chart can show legibly: longer spans are counted per week, then per month. */
const MAX_COLUMNS = 92;

/**
 * The columns of a time chart from day `first` to day `last` (yyyy-MM-dd): every day when the span fits,
 * otherwise every week (from its Monday) or every month (from its 1st), empty ones included, so that
 * the gaps show. `bucketOf` maps a day to its column's key.
 */
export function timeBuckets(
  first: string,
  last: string,
): { unit: TimeUnit; keys: string[]; bucketOf: (day: string) => string } {
  const start = Date.parse(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start)
    return { unit: "day", keys: [], bucketOf: (day) => day };
  const span = (end - start) / DAY_MS + 1;
  const unit: TimeUnit = span <= MAX_COLUMNS ? "day" : span <= MAX_COLUMNS * 7 ? "week" : "month";
  const bucketOf = (day: string) => bucketStart(day, unit);
  const keys: string[] = [];
  for (let key = bucketOf(first); key <= last; key = nextBucket(key, unit)) keys.push(key);
  return { unit, keys, bucketOf };
}

const DAY_MS = 86_400_000;

function bucketStart(day: string, unit: TimeUnit): string {
  if (unit === "day") return day;
  if (unit === "month") return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  // getUTCDay: Sunday 0; weeks start on Monday.
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

function nextBucket(key: string, unit: TimeUnit): string {
  const date = new Date(`${key}T00:00:00Z`);
  if (unit === "month") date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCDate(date.getUTCDate() + (unit === "week" ? 7 : 1));
  return date.toISOString().slice(0, 10);
}

/** A share as a whole percentage, 0 when there is nothing to share. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** Rough width of a text in SVG units: CJK characters are square, Latin ones about half as wide. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const character of text)
    width += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/u.test(character) ? 1 : 0.58;
  return width * fontSize;
}

/** The text, shortened with "…" to fit `maxWidth` (the full text stays in the chart's table). */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const characters = [...text];
  while (characters.length > 1 && textWidth(`${characters.join("")}…`, fontSize) > maxWidth) characters.pop();
  return `${characters.join("").trimEnd()}…`;
}
