import "server-only";
import QRCode from "qrcode";
import { adminPaths } from "@/app/_lib/admin-paths";
import { env } from "../env";

/**
 * What a delegate's QR code holds: the check-in desk's address with their code. Staff who point a
 * phone's own camera at it land on the desk with the delegate open; the desk's scanner reads the code
 * out of the same address (normalizeCheckInCode). No language prefix: the locale routing sends each staff
 * member to the desk in their own language, and the code opens nothing without a signed-in account.
 */
export function checkInUrl(meetingSlug: string, code: string): string {
  return `${env().PUBLIC_URL}${adminPaths.checkIn(meetingSlug)}?code=${encodeURIComponent(code)}`;
}

// "M" survives a crease or a smudge on a printed badge and keeps the symbol small enough for a phone.
const OPTIONS = { margin: 1, errorCorrectionLevel: "M" } as const;

/** The QR code as inline SVG, for pages (manage page, badges). */
export function checkInQrSvg(meetingSlug: string, code: string): Promise<string> {
  return QRCode.toString(checkInUrl(meetingSlug, code), { ...OPTIONS, type: "svg" });
}

/** Side of the emailed QR code in pixels, as the email's HTML shows it. */
export const CHECK_IN_QR_PIXELS = 180;

/**
 * The QR code as a PNG, for emails (mail clients rarely show inline SVG): about two kilobytes, small
 * enough to store with the queued email.
 */
export function checkInQrPng(meetingSlug: string, code: string): Promise<Buffer> {
  return QRCode.toBuffer(checkInUrl(meetingSlug, code), {
    ...OPTIONS,
    type: "png",
    width: CHECK_IN_QR_PIXELS,
  });
}
