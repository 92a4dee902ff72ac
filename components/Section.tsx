import { useId, type ReactNode } from 'react';

/** A titled region of the panel, named for screen readers by its heading. */
export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="section">
      <h3>
        <span id={id}>{title}</span>
        {extra && <span className="section-extra">{extra}</span>}
      </h3>
      {children}
    </section>
  );
}
