/** Filled in by the workflow commit. */
export function RulesTab() {
  return null;
}
