import { readSalesNav } from '@/lib/extract/salesnav';
import { salesNavLeadUrl } from '@/lib/extract/urls';
import { follow } from './reader/follow';

// Sales Navigator (LinkedIn's sales app, its own single-page app under /sales/): its lead
// pages carry their own reader; LinkedIn's content script leaves these pages alone.
export default defineContentScript({
  matches: ['https://www.linkedin.com/sales/*'],
  runAt: 'document_idle',
  main() {
    follow({ read: readSalesNav, profileUrl: salesNavLeadUrl });
  },
});
