import { notFound } from "next/navigation";

/** Unknown paths inside a language render the localized 404 page instead of Next's bare default. */
export default function CatchAll() {
  notFound();
}
