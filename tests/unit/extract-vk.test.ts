// VK rules that the fixtures show only once each: what is never read as the person's.
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractVk } from '../../lib/extract/vk';

const URL_ = 'https://vk.com/test.person';
function read(body: string, head = '') {
  const doc = new JSDOM(`<!DOCTYPE html><html lang="ru"><head>${head}</head><body>${body}</body></html>`, { url: URL_, virtualConsole: new VirtualConsole() }).window.document;
  return extractVk(doc, URL_);
}
const value = (r: ReturnType<typeof read>, f: keyof ReturnType<typeof read>['fields']) => {
  const x = r.fields[f] as { status: string; value?: unknown };
  return x.status === 'ok' ? x.value : x.status;
};

describe('vk extractor', () => {
  it('never takes a section title for the name when VK renames its name heading', () => {
    const r = read('<div id="content"><div class="NewHeader__x1"><h2 class="x9f">Музыка</h2><h2 class="x9g">Фотографии</h2></div></div>');
    expect(value(r, 'name')).not.toBe('Музыка');
    expect(r.fields.name.status).not.toBe('ok');
  });

  it('reads the name without the last-seen badge inside the heading', () => {
    const r = read('<div id="content"><h2 id="owner_page_name" class="OwnerPageName">Анна <span class="OwnerPageName__noWrapText">Петрова<span class="OwnerPageName__icons"><span class="ProfileIndicatorBadge__badgeLastSeen">заходила 5 минут назад</span></span></span></h2></div>');
    expect(value(r, 'name')).toBe('Анна Петрова');
  });

  it('counts friends, not friends online, possible friends or two disagreeing counters', () => {
    const base = '<div id="content"><h1 class="page_name">Анна Петрова</h1>';
    const online = read(base + '<div class="module" id="profile_friends_online"><a class="module_header"><div class="header_top">Друзья онлайн 4</div></a></div></div>');
    expect(online.fields.connections.status).toBe('missing');
    const possible = read(base + '<section class="ProfilePossibleFriends"><header>Возможные друзья</header><span>Роман · 14 общих друзей</span></section></div>');
    expect(possible.fields.mutual.status).toBe('missing');
    const two = read(base + '<div class="counts_module"><a class="page_counter" href="/friends?id=1"><div class="count">52</div><div class="label">друга</div></a><a class="page_counter" href="/friends?id=1&section=all"><div class="count">60</div><div class="label">друзей</div></a></div></div>');
    expect(two.fields.connections.status).toBe('unreadable');
  });

  it('reads counters with the label first or words between number and label, in other UI languages', () => {
    const r = read('<div id="content"><h1 class="page_name">Anna</h1><div class="counts_module"><a class="fans" onclick="x()"><span>225</span>Мои подписчики</a></div><div class="ProfileCounters"><a href="/friends?id=1"><span>Друзі</span><span>1 204</span></a></div></div>');
    expect(value(r, 'followers')).toBe(225);
    expect(value(r, 'connections')).toBe(1204);
  });

  it('does not read the viewer\'s menu counts when no profile region is found', () => {
    const r = read('<nav id="side_bar"><a href="/friends">Мои Друзья <span>3</span></a></nav><div class="x"><h2 class="op_header">Анна Петрова</h2></div>');
    expect(value(r, 'name')).toBe('Анна Петрова');
    expect(r.fields.connections.status).toBe('missing');
  });

  it('is not a person at a community\'s short name, nor on a deleted page', () => {
    expect(read('<div id="content"><div class="redesigned-group-info"><h1 class="page_name">Тверские мосты</h1></div></div>').kind).toBe('not-profile');
    expect(read('<div id="content"><h2 class="page_name">Иван</h2><h5 class="profile_deleted_text">Страница удалена либо ещё не создана.</h5></div>').kind).toBe('not-profile');
  });
});
