import { readFacebook } from '@/lib/extract/facebook';
import { facebookProfileUrl } from '@/lib/extract/urls';
import { follow } from './reader/follow';

// Facebook's pages carry Facebook's reader only: one content script per site keeps
// each small (the readers' label tables in eight languages are most of the weight).
export default defineContentScript({
  // "*." also matches the bare domain
  matches: ['https://*.facebook.com/*'],
  runAt: 'document_idle',
  main() {
    follow({ read: readFacebook, profileUrl: facebookProfileUrl });
  },
});
