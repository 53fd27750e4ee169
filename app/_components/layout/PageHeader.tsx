import type { ReactNode } from "react";

type Props = {
  title: ReactNode;
  /** A line under the title: what the page is for, or whose it is. */
  intro?: ReactNode;
  /** The page's main action (a "new" link), beside the title on a wide screen, under it on a phone. */
  action?: ReactNode;
};

/** A back-office page's title and the line under it. */
export function PageHeader({ title, intro, action }: Props) {
  const heading = (
    <div>
      <h1 className="text-2xl font-bold">{title}</h1>
      {intro && <p className="text-slate-700">{intro}</p>}
    </div>
  );
  if (!action) return heading;
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      {heading}
      {action}
    </header>
  );
}
