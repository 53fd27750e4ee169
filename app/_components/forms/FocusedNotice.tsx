"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A notice that takes the focus when it appears, so that a screen reader reads it and a phone shows it
 * (after cancelling, the form that was pressed is gone). Without JavaScript, `autofocus` does the same.
 */
export function FocusedNotice({ className, children }: { className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} autoFocus role="status" className={className} data-testid="focused-notice">
      {children}
    </div>
  );
}
