import { describe, expect, it } from "vitest";
import {
  barLayout,
  columnLayout,
  countTicks,
  cumulative,
  fitText,
  labelledIndexes,
  linePoints,
  percent,
  scale,
  textWidth,
  timeBuckets,
} from "./charts";

describe("countTicks", () => {
  it("steps by 1, 2 or 5 × 10ⁿ and ends at or above the maximum", () => {
    expect(countTicks(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(countTicks(7)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countTicks(17)).toEqual({ top: 20, ticks: [0, 5, 10, 15, 20] });
    expect(countTicks(180)).toEqual({ top: 200, ticks: [0, 50, 100, 150, 200] });
  });

  it("never steps by fractions, and has an axis when there is nothing to count", () => {
    expect(countTicks(1)).toEqual({ top: 1, ticks: [0, 1] });
    expect(countTicks(0)).toEqual({ top: 1, ticks: [0, 1] });
  });
});

describe("scale", () => {
  it("maps linearly and clamps", () => {
    const x = scale(10, 200);
    expect([x(0), x(5), x(10), x(12), x(-1)]).toEqual([0, 100, 200, 200, 0]);
    expect(scale(0, 200)(3)).toBe(0);
  });
});

describe("barLayout", () => {
  it("scales the bars to the largest value or capacity and puts labels above the bars", () => {
    const layout = barLayout(
      [
        { label: "Workshop", value: 20, of: 40 },
        { label: "Tour", value: 10 },
      ],
      { width: 400, rowHeight: 40, valueSpace: 100 },
    );
    expect(layout.height).toBe(80);
    const [workshop, tour] = layout.rows;
    expect(workshop).toMatchObject({
      barWidth: 150,
      trackWidth: 300,
      valueX: 306,
      labelY: 14,
      barY: 20,
      of: 40,
    });
    expect(tour).toMatchObject({ barWidth: 75, trackWidth: 0, valueX: 81, labelY: 54, barY: 60, of: null });
  });

  it("keeps a row's height for an empty list", () => {
    expect(barLayout([]).height).toBe(40);
  });
});

describe("columnLayout", () => {
  it("stacks the segments bottom up on a count axis", () => {
    const layout = columnLayout(
      [
        { key: "2017-03-01", values: [2, 1] },
        { key: "2017-03-02", values: [0, 0] },
        { key: "2017-03-03", values: [1, 0] },
      ],
      { width: 332, height: 132, left: 32, bottom: 24, maxLabels: 5 },
    );
    // Plot 32…328 wide (296 / 3 columns), 8…108 high (100 px for counts 0…3).
    expect(layout.plot).toEqual({ left: 32, top: 8, right: 328, bottom: 108 });
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0, 1, 2, 3]);
    expect(layout.ticks[3]!.y).toBeCloseTo(8);
    const [first, empty, third] = layout.columns;
    expect(first!.total).toBe(3);
    expect(first!.segments[0]!.height).toBeCloseTo(200 / 3);
    expect(first!.segments[0]!.y).toBeCloseTo(108 - 200 / 3);
    expect(first!.segments[1]!.y).toBeCloseTo(8);
    expect(empty!.segments.every((segment) => segment.height === 0)).toBe(true);
    expect(third!.x).toBeCloseTo(32 + 2 * (296 / 3) + (296 / 3) * 0.1);
    expect(layout.labelled).toEqual([0, 1, 2]);
  });

  it("draws a running total on its own scale over the column centres", () => {
    const layout = columnLayout(
      [
        { key: "a", values: [1] },
        { key: "b", values: [3] },
      ],
      { width: 232, height: 132, left: 32, bottom: 24 },
    );
    const points = linePoints(cumulative([1, 3]), layout);
    expect(points[1]!.y).toBeCloseTo(8);
    expect(points[0]!.y).toBeCloseTo(108 - 25);
    // Plot 32…228: two slots of 98.
    expect(points[0]!.x).toBeCloseTo(32 + 49);
  });
});

describe("labelledIndexes", () => {
  it("names all columns when few, else a spread including the first and last", () => {
    expect(labelledIndexes(3, 5)).toEqual([0, 1, 2]);
    expect(labelledIndexes(61, 5)).toEqual([0, 15, 30, 45, 60]);
    expect(labelledIndexes(10, 4)).toEqual([0, 3, 6, 9]);
    expect(labelledIndexes(0, 5)).toEqual([]);
  });
});

describe("timeBuckets, cumulative, percent", () => {
  it("lists every calendar day of a short span, across month ends and leap days", () => {
    expect(timeBuckets("2016-02-28", "2016-03-01")).toMatchObject({
      unit: "day",
      keys: ["2016-02-28", "2016-02-29", "2016-03-01"],
    });
    expect(timeBuckets("2017-03-26", "2017-03-27").keys).toEqual(["2017-03-26", "2017-03-27"]);
    expect(timeBuckets("2017-03-02", "2017-03-01").keys).toEqual([]);
  });

  it("counts longer spans per week from Monday, and very long ones per month", () => {
    const weeks = timeBuckets("2017-02-01", "2017-06-30");
    expect(weeks.unit).toBe("week");
    expect(weeks.keys[0]).toBe("2017-01-30");
    expect(weeks.keys.at(-1)).toBe("2017-06-26");
    expect(weeks.keys).toHaveLength(22);
    expect(weeks.bucketOf("2017-02-05")).toBe("2017-01-30");
    expect(weeks.bucketOf("2017-02-06")).toBe("2017-02-06");

    const months = timeBuckets("2017-02-01", "2026-11-25");
    expect(months.unit).toBe("month");
    expect(months.keys).toHaveLength(12 * 9 + 10);
    expect(months.keys.slice(0, 2)).toEqual(["2017-02-01", "2017-03-01"]);
    expect(months.bucketOf("2026-11-25")).toBe("2026-11-01");
  });

  it("sums and shares", () => {
    expect(cumulative([1, 0, 2])).toEqual([1, 1, 3]);
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });
});

describe("fitText", () => {
  it("keeps what fits and shortens the rest, Chinese characters counting double", () => {
    expect(fitText("Hannover", 200, 10)).toBe("Hannover");
    expect(textWidth("汉诺威", 10)).toBe(30);
    const short = fitText("Podiumsdiskussion über nachhaltige Stadtentwicklung", 100, 10);
    expect(short.endsWith("…")).toBe(true);
    expect(textWidth(short, 10)).toBeLessThanOrEqual(100);
    expect(fitText("中德城市联盟年度会议开幕式", 60, 10)).toBe("中德城市联…");
  });
});
