import "server-only";
import QRCode from "qrcode";
import { calendarLinks, type CalendarLinks } from "@/app/_lib/calendar-links";
import { env } from "../env";

/** Everything a Subscribe block shows for a feed path: the apps' links and a QR code of the address. */
export async function subscribeData(feedPath: string, name: string): Promise<{ links: CalendarLinks; qrSvg: string }> {
  const links = calendarLinks(`${env().PUBLIC_URL}${feedPath}`, name);
  // The webcal address: a phone's camera then offers to subscribe, not to download once.
  const qrSvg = await QRCode.toString(links.webcal, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { links, qrSvg };
}
