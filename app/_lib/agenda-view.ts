/**
 * How the public agenda is sliced: filters and grouping read from the query string. Pure, so that the
 * page, its tests and any later export share one reading of `?kind=…&track=…&view=…`.
 */
export const agendaViews = ["time", "room", "track"] as const;
export type AgendaView = (typeof agendaViews)[number];

export type AgendaQuery = { kind: string | null; track: string | null; view: AgendaView };

function first(value: string | string[] | undefined): string | null {
  const single = Array.isArray(value) ? value[0] : value;
  return single && single.length <= 64 ? single : null;
}

/** Unknown values are ignored rather than rejected: a stale bookmark still shows the agenda. */
export function parseAgendaQuery(
  params: Record<string, string | string[] | undefined>,
  known: { kinds: readonly string[]; tracks: readonly string[] },
): AgendaQuery {
  const kind = first(params.kind);
  const track = first(params.track);
  const view = first(params.view);
  return {
    kind: kind && known.kinds.includes(kind) ? kind : null,
    track: track && known.tracks.includes(track) ? track : null,
    view: agendaViews.find((candidate) => candidate === view) ?? "time",
  };
}

export type Group<T> = { key: string; items: T[] };

/** Groups items by key, keeping first-seen order of groups and the items' own order within each. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, list]) => ({ key, items: list }));
}

/** The query string for a link that changes one part of the current selection. */
export function agendaHref(base: string, query: AgendaQuery, change: Partial<AgendaQuery>): string {
  const next = { ...query, ...change };
  const search = new URLSearchParams();
  if (next.kind) search.set("kind", next.kind);
  if (next.track) search.set("track", next.track);
  if (next.view !== "time") search.set("view", next.view);
  const text = search.toString();
  return text ? `${base}?${text}` : base;
}
