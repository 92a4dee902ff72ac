import { canonicalProfileUrl } from '../../lib/extract/extract';
import { facebookProfileUrl, linkedinProfileUrl, salesNavLeadUrl, vkProfileUrl } from '../../lib/extract/urls';

const LI = 'https://www.linkedin.com/in/anna-kowalski-42/';
const cases: [string, string | null][] = [
  // LinkedIn: locale subdomains, tails, queries, case
  ['https://www.linkedin.com/in/anna-kowalski-42/', LI],
  ['https://www.linkedin.com/in/anna-kowalski-42', LI],
  ['https://se.linkedin.com/in/anna-kowalski-42', LI],
  ['https://de.linkedin.com/in/Anna-Kowalski-42?trk=public_profile_browsemap', LI],
  ['https://linkedin.com/in/anna-kowalski-42/details/experience/', LI],
  ['https://www.linkedin.com/in/anna-kowalski-42/overlay/contact-info/', LI],
  ['https://www.linkedin.com/in/anna-kowalski-42/?originalSubdomain=de#experience', LI],
  ['http://ru.linkedin.com/in/ivan-petrov', 'https://www.linkedin.com/in/ivan-petrov/'],
  ['https://www.linkedin.com/in/%D0%B8%D0%B2%D0%B0%D0%BD-%D0%BF%D0%B5%D1%82%D1%80%D0%BE%D0%B2/', 'https://www.linkedin.com/in/%D0%B8%D0%B2%D0%B0%D0%BD-%D0%BF%D0%B5%D1%82%D1%80%D0%BE%D0%B2/'],
  ['https://www.linkedin.com/feed/', null],
  ['https://www.linkedin.com/company/globex/', null],
  ['https://www.linkedin.com/search/results/people/?keywords=anna', null],
  ['https://www.linkedin.com/messaging/thread/123/', null],
  ['https://www.linkedin.com/in/', null],
  ['https://www.linkedin.com/authwall?trk=gf&sessionRedirect=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fanna', null],
  ['https://www.linkedin.com/groups/99881/', null],
  ['https://www.linkedin.com.evil.example/in/anna-kowalski-42/', null],
  // Sales Navigator's lead page: /sales/lead/<the app's id of the member>,<how it was found>,<token>; the id names the lead, case kept
  ['https://www.linkedin.com/sales/lead/ACwAAB1000000aBcDeFgHiJkLmNoPqRsTuVwXyZ,NAME_SEARCH,Ab1c', 'https://www.linkedin.com/sales/lead/ACwAAB1000000aBcDeFgHiJkLmNoPqRsTuVwXyZ'],
  ['https://www.linkedin.com/sales/people/ACwAAB1000000aBcDeFgHiJkLmNoPqRsTuVwXyZ,name,undefined', 'https://www.linkedin.com/sales/lead/ACwAAB1000000aBcDeFgHiJkLmNoPqRsTuVwXyZ'],
  ['https://www.linkedin.com/sales/lead/', null],
  ['https://www.linkedin.com/sales/lead/ACwAAB1000000aBcDeFgHiJkLmNoPqRsTuVwXyZ,NAME_SEARCH,Ab1c/activity', null],
  ['https://www.linkedin.com/sales/search/people?query=(keywords%3Aanna)', null],
  ['https://www.linkedin.com/sales/company/1035', null],
  ['https://www.linkedin.com/sales/lead/anna-kowalski-42', null],
  // LinkedIn public profiles of 2009–2016: /pub/<name>/<member id in three hex parts>/
  ['http://www.linkedin.com/pub/anna-kowalski/1b/a23/456', 'https://www.linkedin.com/pub/anna-kowalski/1b/a23/456/'],
  ['https://pl.linkedin.com/pub/Anna-Kowalski/1B/A23/456/?trk=pub-pbmap', 'https://www.linkedin.com/pub/anna-kowalski/1b/a23/456/'],
  ['https://www.linkedin.com/pub/anna-kowalski/1b/a23/456/en', 'https://www.linkedin.com/pub/anna-kowalski/1b/a23/456/'],
  ['https://www.linkedin.com/pub/dir/Anna/Kowalski', null],
  // logged-in profile URLs of 2010–2016: /profile/view?id=<member id> (the id names the person; the rest of the query does not)
  ['https://www.linkedin.com/profile/view?id=51763716&authType=NAME_SEARCH&trk=vsrp', 'https://www.linkedin.com/profile/view?id=51763716'],
  ['https://pl.linkedin.com/profile/view?id=AAkAAAMVq6QBzF0oM4UhEJd3gVu9b6Y2y0x8kLw', 'https://www.linkedin.com/profile/view?id=AAkAAAMVq6QBzF0oM4UhEJd3gVu9b6Y2y0x8kLw'],
  ['https://www.linkedin.com/profile/view?authType=NAME_SEARCH', null],
  ['https://www.linkedin.com/profile/view?id=<script>', null],
  ['https://www.linkedin.com/pub/anna-kowalski/', null],
  ['https://www.linkedin.com/pub/anna-kowalski/1b/a23', null],
  ['https://www.linkedin.com/pub/anna-kowalski/1b/a23/xyz', null],
  ['https://www.linkedin.com/pub/anna-kowalski/1b/a23/456/details/experience', null],
  // Facebook: hosts, profile.php keeps only id, tabs, reserved paths
  ['https://www.facebook.com/olga.smirnova', 'https://www.facebook.com/olga.smirnova'],
  ['https://m.facebook.com/olga.smirnova?ref=bookmarks', 'https://www.facebook.com/olga.smirnova'],
  ['https://mbasic.facebook.com/Olga.Smirnova/about', 'https://www.facebook.com/olga.smirnova'],
  ['https://web.facebook.com/olga.smirnova/friends/', 'https://www.facebook.com/olga.smirnova'],
  ['https://www.facebook.com/profile.php?id=100004567890123', 'https://www.facebook.com/profile.php?id=100004567890123'],
  ['https://www.facebook.com/profile.php?id=100004567890123&sk=about&ref=x', 'https://www.facebook.com/profile.php?id=100004567890123'],
  ['https://m.facebook.com/profile.php?sk=photos&id=100004567890123', 'https://www.facebook.com/profile.php?id=100004567890123'],
  ['https://www.facebook.com/people/John-Miller/100004567890123/', 'https://www.facebook.com/profile.php?id=100004567890123'],
  ['https://www.facebook.com/profile.php', null],
  ['https://www.facebook.com/', null],
  ['https://www.facebook.com/groups/123456/', null],
  ['https://www.facebook.com/search/top?q=olga', null],
  ['https://www.facebook.com/messages/t/123', null],
  ['https://www.facebook.com/watch/?v=1', null],
  ['https://www.facebook.com/olga.smirnova/posts/pfbid02x', null],
  ['https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com', null],
  // VK: vk.ru, m.vk.com, ?w= queries, other owners
  ['https://vk.com/dvolkov', 'https://vk.com/dvolkov'],
  ['https://vk.ru/dvolkov', 'https://vk.com/dvolkov'],
  ['https://m.vk.com/DVolkov?from=profile', 'https://vk.com/dvolkov'],
  ['https://vk.com/id1234567?w=wall1234567_89', 'https://vk.com/id1234567'],
  ['https://m.vk.ru/id1234567', 'https://vk.com/id1234567'],
  ['https://vk.com/id1234567#photos', 'https://vk.com/id1234567'],
  // a short name that begins with a digit is still a person's; digits alone are no short name
  ['https://vk.com/4oy3eh', 'https://vk.com/4oy3eh'],
  ['https://vk.com/123456', null],
  ['https://vk.com/feed', null],
  ['https://vk.com/im?sel=1', null],
  ['https://vk.com/search?c%5Bsection%5D=people', null],
  ['https://vk.com/club77001', null],
  ['https://vk.com/public123', null],
  ['https://vk.com/wall-1_2', null],
  ['https://vk.com/friends?id=1234567', null],
  ['https://vk.com/away.php?to=https%3A%2F%2Fexample.com', null],
  // a service's own host is no person's page: an app asking for access (m.vk.com's chrome, the user's name in it)
  ['https://oauth.vk.com/authorize?client_id=3942460&display=page', null],
  ['https://api.vk.com/method', null],
  ['https://new.vk.com/dvolkov', 'https://vk.com/dvolkov'],
  ['https://www.vk.com/dvolkov', 'https://vk.com/dvolkov'],
  // not a social site / not a URL
  ['https://example.com/in/anna', null],
  ['javascript:alert(1)', null],
  ['not a url', null],
  ['', null],
];

describe('canonicalProfileUrl', () => {
  it.each(cases)('%s → %s', (url, want) => {
    expect(canonicalProfileUrl(url)?.profileUrl ?? null).toBe(want);
  });

  it('names the site', () => {
    expect(canonicalProfileUrl('https://se.linkedin.com/in/x-y-z')?.site).toBe('linkedin');
    expect(canonicalProfileUrl('https://mbasic.facebook.com/olga.smirnova')?.site).toBe('facebook');
    expect(canonicalProfileUrl('https://vk.ru/id1')?.site).toBe('vk');
  });

  // each content script carries only its own network's rule: the same rule, on its own network only
  it.each(cases)('each network\'s own rule agrees: %s', (url) => {
    const canon = canonicalProfileUrl(url);
    // (a Sales Navigator lead is LinkedIn's, read by the lead page's own script and rule)
    const lead = canon?.profileUrl.includes('/sales/lead/') ?? false;
    expect(linkedinProfileUrl(url)).toBe(canon?.site === 'linkedin' && !lead ? canon.profileUrl : null);
    expect(salesNavLeadUrl(url)).toBe(lead ? canon!.profileUrl : null);
    expect(facebookProfileUrl(url)).toBe(canon?.site === 'facebook' ? canon.profileUrl : null);
    expect(vkProfileUrl(url)).toBe(canon?.site === 'vk' ? canon.profileUrl : null);
  });
});
