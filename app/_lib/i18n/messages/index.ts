import type { AppLocale } from "../locales";
import de from "./de.json";
import en from "./en.json";
import zh from "./zh.json";

/** German is the reference: the other languages must have exactly its keys (a test checks it). */
export type Messages = typeof de;

export const messages: Record<AppLocale, Messages> = { de, en, zh };
