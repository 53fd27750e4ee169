/**
 * Check-in codes: ten characters of Crockford's base32 (digits and capitals without I, L, O and U), so
 * that a code read aloud or typed from a badge survives the usual confusions. Shown in two groups of
 * five ("7K3MQ-9XW2F"); stored without the dash. 50 random bits: two codes of one meeting coincide with
 * a chance of about one in a billion at a thousand delegates, and the unique index would refuse it.
 */

export const CHECK_IN_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CHECK_IN_CODE_LENGTH = 10;

const CODE = new RegExp(`^[${CHECK_IN_ALPHABET}]{${CHECK_IN_CODE_LENGTH}}$`);

/** "7K3MQ9XW2F" → "7K3MQ-9XW2F". */
export function formatCheckInCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The stored form of what staff typed or the camera read, or null if it cannot be a code: case, spaces
 * and dashes do not matter, O reads as 0 and I or L as 1 (Crockford's rule). A scanned QR code holds the
 * check-in page's address with the code as `?code=`; the code is taken from it.
 */
export function normalizeCheckInCode(input: string): string | null {
  const fromUrl = /[?&]code=([^&#\s]+)/.exec(input);
  const raw = (fromUrl ? safeDecode(fromUrl[1]!) : input).toUpperCase().replace(/[\s-]/g, "");
  const code = raw.replace(/O/g, "0").replace(/[IL]/g, "1");
  return CODE.test(code) ? code : null;
}

/** A malformed escape ("%E0%A4%A") is text that is no code, not an exception. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
