import "server-only";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { AppError } from "./errors";
import type { AppLocale } from "@/app/_lib/i18n/locales";

/** Pages: a domain `not_found` becomes the 404 page; other errors stay errors. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** Pages: what a domain `not_found` leaves out of the page (null); other errors stay errors. */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/** The request's language, as validated by the [locale] layout. */
export async function pageLocale(): Promise<AppLocale> {
  return (await getLocale()) as AppLocale;
}
