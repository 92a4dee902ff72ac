/** Filled in by the retention commit. */
export function RetentionPanel() {
  return null;
}
