/**
 * The shapes of keys in URLs and request bodies. Anything else (a NUL byte, a megabyte of text) is an
 * unknown key, answered as such, and never reaches the database (PostgreSQL refuses NUL in text).
 */

/** Record ids as the app makes them (cuid). */
export const RECORD_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Slugs as organizers make them: letters in any script, digits, "-" and "_". */
export const SLUG = /^[\p{L}\p{N}_-]{1,64}$/u;
