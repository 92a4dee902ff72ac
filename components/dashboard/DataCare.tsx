import { ErasePanel } from './ErasePanel';
import { RetentionPanel } from './RetentionPanel';

/** Data care: the retention policy with its dry run, and erasing one person. */
export function DataCare() {
  return (
    <div className="lead-grid">
      <RetentionPanel />
      <ErasePanel />
    </div>
  );
}
