/**
 * A comma for screen readers at the end of a button's flex item, so its parts
 * are read as a list ("All contacts, 36 contacts") and not run together
 * ("All contacts36 contacts"). Not shown.
 */
export function Sep() {
  return <span className="sr-only">,</span>;
}
