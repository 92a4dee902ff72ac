import { readVk } from '@/lib/extract/vk';
import { vkProfileUrl } from '@/lib/extract/urls';
import { follow } from './reader/follow';

// VK's pages carry VK's reader only: one content script per site keeps
// each small (the readers' label tables in eight languages are most of the weight).
export default defineContentScript({
  // "*." also matches the bare domain
  matches: ['https://*.vk.com/*', 'https://*.vk.ru/*'],
  runAt: 'document_idle',
  main() {
    follow({ read: readVk, profileUrl: vkProfileUrl });
  },
});
