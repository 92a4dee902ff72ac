import { readLinkedIn } from '@/lib/extract/linkedin';
import { linkedinProfileUrl } from '@/lib/extract/urls';
import { follow } from './reader/follow';

// LinkedIn's pages carry LinkedIn's reader only: one content script per site keeps
// each small (the readers' label tables in eight languages are most of the weight).
export default defineContentScript({
  // "*." also matches the bare domain
  matches: ['https://*.linkedin.com/*'],
  // Sales Navigator's pages have their own script (salesnav.content.ts)
  excludeMatches: ['https://www.linkedin.com/sales/*'],
  runAt: 'document_idle',
  main() {
    follow({ read: readLinkedIn, profileUrl: linkedinProfileUrl });
  },
});
