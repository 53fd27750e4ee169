import "server-only";
import QRCode from "qrcode";
import { calendarLinks, type CalendarLinks } from "@/app/_lib/calendar-links";
import { env } from "../env";

/** Everything a Subscribe block shows for a feed path: the apps' links and a QR code of the address. */
export async function subscribeData(
  feedPath: string,
  name: string,
): Promise<{ links: CalendarLinks; qrSvg: string }> {
  const links = calendarLinks(`${env().PUBLIC_URL}${feedPath}`, name);
  // The webcal address: a phone's camera then offers to subscribe, not to download once.
  return { links, qrSvg: await qrCode(links.webcal) };
}

/**
 * QR codes by address. The agenda shows one on every visit, a code takes milliseconds to make, and an
 * address always gives the same code; there are a few per meeting (feeds by track, kind and language).
 */
const qrCodes = new Map<string, Promise<string>>();

function qrCode(address: string): Promise<string> {
  let code = qrCodes.get(address);
  if (!code) {
    if (qrCodes.size >= 500) qrCodes.clear();
    code = QRCode.toString(address, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    qrCodes.set(address, code);
    code.catch(() => qrCodes.delete(address));
  }
  return code;
}
