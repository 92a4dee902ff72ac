/**
 * A pause between a button's flex items for screen readers, which would
 * otherwise run them together ("All contacts36 contacts"). Not shown.
 */
export function Sep() {
  return <span className="sr-only">, </span>;
}
