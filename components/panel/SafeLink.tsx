import type { ReactNode } from 'react';

/** A link only when the URL is http(s); anything else is shown as plain text. */
export function SafeLink({ href, children }: { href: string; children: ReactNode }) {
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(href).protocol);
  } catch {
    ok = false;
  }
  if (!ok) return <span>{children}</span>;
  return <a href={href} target="_blank" rel="noopener noreferrer">{children}</a>;
}
