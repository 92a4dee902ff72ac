// Without --url, the command finds the page's URL in the "saved from url" mark
// that browsers' "Save as" and Tiewise's layout report write at the top.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractHtml, savedFrom } from '@/tools/extract';
import { layoutReport } from '@/lib/extract/layout-report';

describe('the saved-from mark', () => {
  it('is read from the top of a page', () => {
    expect(savedFrom('<!DOCTYPE html>\n<!-- saved from url=(0044)https://www.linkedin.com/in/anna-kowalski-42/ -->\n<html>')).toBe('https://www.linkedin.com/in/anna-kowalski-42/');
    expect(savedFrom('<html><body>no mark</body></html>')).toBeNull();
  });

  it('lets a layout report of a page without a canonical link be read as the profile it was', () => {
    const url = 'https://www.linkedin.com/in/nadiaokafor/';
    const html = readFileSync('tests/fixtures/real/linkedin/li-2026-client-en.html', 'utf8');
    const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    const report = layoutReport(dom.window.document, url);
    dom.window.close();
    // the 2026 client has neither a canonical link nor og:url: only the mark names the page
    expect(report).not.toMatch(/rel="canonical"|og:url/);
    const x = extractHtml(report, null);
    expect(x.site).toBe('linkedin');
    expect(x.kind).toBe('profile');
    // and the report's URL keeps only the path's shape, never the handle
    expect(x.profileUrl).not.toContain('nadiaokafor');
  });
});
