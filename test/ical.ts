/**
 * Reads an iCalendar file back the way calendar programs do, with two independent parsers: ical.js
 * (throws on malformed content; every TZID must resolve to a VTIMEZONE of the file, never floating
 * time) and node-ical.
 */
import ICAL from "ical.js";
import nodeIcal from "node-ical";

export type ParsedEvent = {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location: string;
  status: string;
  tzid: string;
  start: Date;
  end: Date;
  dtstamp: string;
  lastModified: string;
};

export function parseWithIcalJs(text: string): { name: string; method: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone"))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const tzid = String(component.getFirstProperty("dtstart")?.getParameter("tzid") ?? "");
    if (!tzid || !ICAL.TimezoneService.has(tzid) || event.startDate.zone?.tzid !== tzid) {
      throw new Error(`Event ${event.uid} has no resolvable time zone (TZID ${tzid || "missing"})`);
    }
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      location: event.location,
      status: String(component.getFirstPropertyValue("status")),
      tzid,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      dtstamp: String(component.getFirstProperty("dtstamp")?.toICALString()),
      lastModified: String(component.getFirstProperty("last-modified")?.toICALString()),
    };
  });
  return {
    name: String(calendar.getFirstPropertyValue("x-wr-calname")),
    method: String(calendar.getFirstPropertyValue("method")),
    events,
  };
}

export type NodeIcalEvent = {
  uid: string;
  sequence: number;
  status: string | undefined;
  summary: string;
  start: Date;
  end: Date;
  tz: string | undefined;
};

export function parseWithNodeIcal(text: string): NodeIcalEvent[] {
  return Object.values(nodeIcal.sync.parseICS(text))
    .filter((component) => component?.type === "VEVENT")
    .map((component) => {
      const event = component as nodeIcal.VEvent;
      return {
        uid: event.uid,
        sequence: Number(event.sequence),
        status: event.status,
        summary: typeof event.summary === "string" ? event.summary : String(event.summary?.val),
        start: new Date(event.start.getTime()),
        end: new Date(event.end!.getTime()),
        tz: event.start.tz,
      };
    });
}
