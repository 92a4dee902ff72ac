import { useId, type ReactNode } from 'react';

/**
 * A titled region of the panel, named for screen readers by its heading. The
 * panel's sections sit under the person's h2; a page whose sections come right
 * after its h1 (settings) asks for level 2, so no heading level is skipped.
 */
export function Section({ title, extra, level = 3, children }: { title: string; extra?: ReactNode; level?: 2 | 3; children: ReactNode }) {
  const id = useId();
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className="section">
      <H>
        <span id={id}>{title}</span>
        {extra && <span className="section-extra">{extra}</span>}
      </H>
      {children}
    </section>
  );
}
