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

  it('another page of the app, or a lead address without its id, is no lead; a lead whose top card is not there yet is not read yet', () => {
    expect(read(HTML, 'https://www.linkedin.com/sales/search/people?query=x').kind).toBe('not-profile');
    expect(read(HTML, 'https://www.linkedin.com/sales/lead/').kind).toBe('not-profile');
    // (the app still loading the lead: follow.ts reads it again before it reports it unread)
    const loading = read('<html><head><title>Sales Navigator</title></head><body><main>Loading…</main></body></html>');
    expect(loading.kind).toBe('profile');
    expect(v(loading, 'name')).toMatchObject({ status: 'unreadable', via: 'identity-mismatch' });
  });

  it("one current role is a line of its own, not a list; its company may have no page; 'Also worked at' is no current role", () => {
    const one = HTML.replace(/(<div [^>]*data-sn-view-name="lead-current-role">)[\s\S]*?<\/ul>/, '$1 <h2> Current role </h2> <div><img data-anonymize="company-logo" alt="" src="https://media.licdn.com/x.png"><div>' +
      '<p><span data-anonymize="job-title">Founder</span> at <span data-anonymize="company-name">Nowak Legal</span></p><p><span>Jan 2026–Present</span> 8 mos</p></div></div>' +
      '<p>Also worked at <a href="/sales/company/900001" data-anonymize="company-name">Older Firm</a>, <a href="/sales/company/900002" data-anonymize="company-name">Oldest Firm</a></p>');
    expect(one).not.toBe(HTML);
    const r = read(one);
    expect(v(r, 'company').value).toBe('Nowak Legal');
    expect(v(r, 'position').value).toBe('Founder');
    expect(v(r, 'experience').value).toEqual([{ title: 'Founder', company: 'Nowak Legal', start: '2026-01' }]);
  });
});

// The app's layout of 2017–2020 (a real lead page of 2019; people invented): classes, no data-anonymize.
describe('Sales Navigator lead page, 2017–2020 layout', () => {
  const OLD = `<html><body><main id="content-main" class="content-main people desktop"><div class="profile-topcard full-width pb5"><div class="container"><div class="flex"><div class="flex-1 mr2">
    <div class="pt6 ph0 pb0 mt2 flex Sans-14px-black-75%"><div class=" presence-entity--size-6 relative"><img class="lazy-image circle-entity-6 ghost-person loaded" alt="" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"></div>
    <div class="profile-topcard-person-entity__content min-width inline-block"><dl class="vertical-align-top pl4">
      <dt class="flex align-items-center"><span class="profile-topcard-person-entity__name Sans-24px-black-90%-bold"> Ravi Perera </span>
        <ul class="ml2 flex align-items-center list-style-none"><li class="mr1"><span class="label-16dp block"> 2nd </span></li><li class="mr1"><span class="Sans-14px-black-75%-bold" aria-hidden="true"> Saved </span></li></ul></dt>
      <dd class="mt2"> QA Engineer at Lanka Robotics </dd>
      <dd class="profile-topcard-person-entity__summary min-width mt2"><div class="flex"><span class="display-block overflow-hidden profile-topcard__summary-content profile-topcard__summary Sans-14px-black-75%"><div id="ember49" class="ember-view">Tester of robots and of patience. Skilled in SQL, Selen<button class="profile-topcard__summary-expand-link" type="button">…see more</button></div></span></div></dd>
      <dd class="mt4 mb0"><div class="profile-topcard__location-data inline Sans-14px-black-60% mr5"> Sri Lanka </div><div class="profile-topcard__connections-data type-total inline Sans-14px-black-60% mr5"> 75 connections </div>
        <div class="profile-topcard__connections-data type-shared inline mr5"><a href="/sales/search/people/list/shared-connections/ACwAAA1000000xxxxxxxxxxxxxxxxxxxxxxxxxx,kFrw,NAME_SEARCH" class="profile-topcard__connections-link type-shared"> 1 shared connection </a></div></dd>
    </dl></div></div>
    <div class="Sans-14px-black-75%"><dl class="overflow-hidden"><dd class="profile-topcard__current-positions flex mt3"><a href="#profile-positions" class="profile-topcard__summary-link type-positions"><span aria-hidden="true">Current</span><span class="a11y-text">Current job (same page)</span></a>
      <div class="full-width"><div class="profile-topcard__summary-position flex align-items-top"><a href="/sales/company/900003"><div class="profile-topcard__summary-logo"><img src="https://media.licdn.com/dms/image/C4E0BAQInvented/company-logo_100_100/0" alt="Lanka Robotics’s logo"></div></a>
      <span class="align-self-center"><span class="profile-topcard__summary-position-title">QA Engineer</span> at <a href="/sales/company/900003" class="li-i18n-linkto" data-entity-hovercard-id="urn:li:fs_salesCompany:900003">Lanka Robotics</a> <button aria-expanded="false" aria-label="See more about Lanka Robotics" data-entity-hovercard-id="urn:li:fs_salesCompany:900003"></button> <span class="profile-topcard__time-period-bullet"> 3 yrs </span></span></div></div></dd>
      <dd class="profile-topcard__previous-positions flex mt3"><div class="full-width"><div class="profile-topcard__summary-position flex align-items-top"><span class="align-self-center"><span class="profile-topcard__summary-position-title">Developer</span> at <span class="Sans-14px-black-75%-bold">Design Centre</span></span></div></div></dd></dl></div>
    </div></div></div>
    <section id="profile-educations"><ul><li><dl><dt class="profile-education__school-name Sans-17px-black-85%-semibold"> Open University </dt></dl></li></ul></section></main></body></html>`;
  const URL_ = 'https://www.linkedin.com/sales/people/ACwAAA1000000xxxxxxxxxxxxxxxxxxxxxxxxxx,NAME_SEARCH,kFrw';

  it('reads the top card, the current position (not the previous one), the summary as far as it shows, the schools', () => {
    const r = read(OLD, URL_);
    expect(r).toMatchObject({ kind: 'profile', profileUrl: 'https://www.linkedin.com/sales/lead/ACwAAA1000000xxxxxxxxxxxxxxxxxxxxxxxxxx' });
    expect(v(r, 'name').value).toBe('Ravi Perera');
    expect(v(r, 'degree').value).toBe(2);
    expect(v(r, 'headline').value).toBe('QA Engineer at Lanka Robotics');
    expect(v(r, 'location').value).toBe('Sri Lanka');
    expect(v(r, 'connections').value).toBe(75);
    expect(v(r, 'mutual').value).toBe(1);
    expect(v(r, 'experience').value).toEqual([{ title: 'QA Engineer', company: 'Lanka Robotics' }]);
    expect(v(r, 'about').value).toBe('Tester of robots and of patience. Skilled in SQL, Selen');
    expect(v(r, 'education').value).toEqual([{ school: 'Open University' }]);
    expect(v(r, 'photoUrl').status).toBe('missing'); // the app's silhouette
  });
});
