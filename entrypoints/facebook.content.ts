import { readFacebook } from '@/lib/extract/facebook';
import { FACEBOOK_MOBILE_HOSTS, facebookProfileUrl } from '@/lib/extract/urls';
import { follow } from './reader/follow';

// Facebook's pages carry Facebook's reader only: one content script per site keeps
// each small (the readers' label tables in eight languages are most of the weight).
// This one reads the desktop layouts (Comet, the classic timeline) of www and Facebook's
// other hosts; the mobile hosts have their own (facebook-mobile.content.ts).
export default defineContentScript({
  // "*." also matches the bare domain
  matches: ['https://*.facebook.com/*'],
  excludeMatches: FACEBOOK_MOBILE_HOSTS.map((h) => `https://${h}/*`),
  runAt: 'document_idle',
  main() {
    follow({ read: readFacebook, profileUrl: facebookProfileUrl });
  },
});
