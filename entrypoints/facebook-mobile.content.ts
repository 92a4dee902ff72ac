import { readFacebook } from '@/lib/extract/facebook';
import { FACEBOOK_MOBILE_HOSTS, facebookProfileUrl } from '@/lib/extract/urls';
import { follow } from './reader/follow';

// Facebook's mobile hosts (m., mbasic. and their kin) carry a Facebook reader built with
// the mobile layouts only (wxt.config.ts sets the layout of each Facebook script's build);
// www's script leaves them out, so each stays small.
export default defineContentScript({
  matches: FACEBOOK_MOBILE_HOSTS.map((h) => `https://${h}/*`),
  runAt: 'document_idle',
  main() {
    follow({ read: readFacebook, profileUrl: facebookProfileUrl });
  },
});
