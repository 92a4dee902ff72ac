// Sales Navigator's lead page (lib/extract/salesnav.ts): read from the real-structure fixture
// (tests/fixtures/real/linkedin/li-2024-salesnav-lead-en.html, people invented), and what the
// reader must refuse: another page of the app, a page of the lead before when the address
// has already changed, what the app keeps hidden.
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../../lib/extract/extract';

const HTML = readFileSync('tests/fixtures/real/linkedin/li-2024-salesnav-lead-en.html', 'utf8');
const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAB1000000xxxxxxxxxxxxxxxxxxxxxxxxxxx,NAME_SEARCH,Ab1c';
const read = (html: string, url = LEAD) => extractPage(new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document, url);
const v = (r: ReturnType<typeof read>, f: string) => (r.fields as Record<string, { status: string; value?: unknown; via?: string }>)[f];

describe('Sales Navigator lead page', () => {
  it('is the lead, under the lead\'s own address: the top card, current roles, About, what the rep shares with them', () => {
    const r = read(HTML);
    expect(r).toMatchObject({ site: 'linkedin', kind: 'profile', profileUrl: 'https://www.linkedin.com/sales/lead/ACwAAB1000000xxxxxxxxxxxxxxxxxxxxxxxxxxx' });
    expect(v(r, 'name').value).toBe('Tomáš Novák');
    expect(v(r, 'degree').value).toBe(2);
    expect(v(r, 'connections').value).toBe(500);
    expect(v(r, 'mutual').value).toBe(7);
    expect(v(r, 'mutualNames').value).toEqual(['Ewa Zielińska', 'Jonas Berg']);
    expect(v(r, 'location').value).toBe('Brno, Czechia');
    expect(v(r, 'experience').value).toEqual([{ title: 'Developer', company: 'Company C', start: '2024-05' }, { title: 'Project Lead', company: 'Company E', start: '2024-06' }]);
    expect(v(r, 'education').value).toEqual([{ school: 'Moravian School of Economics' }]);
  });

  it('takes nothing from a hidden company hovercard or dialog (the app keeps them in the page)', () => {
    // the hovercard's company, first in the page, is no role of the lead's
    expect(HTML).toMatch(/role="tooltip"[^>]*id="hue-web-tooltip-content-company-hovercard/);
    const r = read(HTML.replace(/data-sn-view-name="lead-current-role"/, 'data-sn-view-name="lead-current-role-gone"'));
    expect(v(r, 'company').status).toBe('missing');
    expect(v(r, 'experience').status).toBe('missing');
  });

  it("a top card that is not the title's person (the lead before, still shown after the address changed) is no read of this lead", () => {
    const r = read(HTML.replace('<title>Tomáš Novák | Sales Navigator</title>', '<title>Ewa Zielińska | Sales Navigator</title>'));
    expect(r.kind).toBe('profile');
    expect(v(r, 'name')).toMatchObject({ status: 'unreadable', via: 'identity-mismatch' });
    expect(v(r, 'company').status).toBe('unreadable');
  });

  it('another page of the app, or a lead address without its id, is no lead', () => {
    expect(read(HTML, 'https://www.linkedin.com/sales/search/people?query=x').kind).toBe('not-profile');
    expect(read(HTML, 'https://www.linkedin.com/sales/lead/').kind).toBe('not-profile');
    expect(read('<html><head><title>Sales Navigator</title></head><body><main>Loading…</main></body></html>').kind).toBe('not-profile');
  });
});
