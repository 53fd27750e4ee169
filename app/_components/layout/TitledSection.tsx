import type { ReactNode } from "react";

type Props = {
  /** The heading's id: the section is a region named by its heading. */
  id: string;
  title: ReactNode;
  children: ReactNode;
  /** The section's own classes; spacing between its children by default. */
  className?: string;
  /** A smaller heading for cards and subsections. */
  small?: boolean;
};

/** A section of a page named by its level-two heading (`aria-labelledby`), so that it is a landmark too. */
export function TitledSection({ id, title, children, className = "space-y-3", small = false }: Props) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={small ? "text-lg font-semibold" : "text-xl font-semibold"}>
        {title}
      </h2>
      {children}
    </section>
  );
}
