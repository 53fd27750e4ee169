"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Reloads the page's data every few seconds while `waiting`: a message's progress, as the outbox sends it. */
export function RefreshWhileWaiting({ waiting, seconds = 5 }: { waiting: boolean; seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [waiting, seconds, router]);
  return null;
}
