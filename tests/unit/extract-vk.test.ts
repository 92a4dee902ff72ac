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

describe('vk: pages that show the signed-in user, not a profile', () => {
  it('an app asking for access (oauth.vk.com, m.vk.com chrome with the user in owner_panel) is no profile', () => {
    // structure of a real 2013 consent page, trimmed; the people invented
    const url = 'https://oauth.vk.com/authorize?client_id=3942460&redirect_uri=https%3A%2F%2Foauth.vk.com%2Fblank.html&response_type=token&scope=8&display=page';
    const html = `<!DOCTYPE html><html><head><title>Отримання доступу до ВКонтакті</title></head><body id="vk"><div id="vk_wrap"><div id="m">` +
      `<div id="mhead" class="mhead"><a href="/oauth/logout?hash=x" class="hb_wrap mhb_notify"><div class="hb_btn"><em class="mh_btn_label">вийти</em></div></a></div>` +
      `<div id="mcont" class="mcont"><div class="pcont fit_box"><a href="https://m.vk.com/id1234567" class="owner_panel"><div class="op_inline_user op_inline_user_link">` +
      `<img src="https://pp.vk.me/c1/v1/1/a.jpg" class="op_img" /><h2 class="op_header"><span>Олена Коваль</span></h2></div></a>` +
      `<div class="form_item"><div class="fi_row">Додаток <b><a href="http://vk.com/app3942460">Music App</a></b> запитує доступ до Вашого акаунту.</div></div></div></div></div></div></body></html>`;
    const doc = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
    const r = extractVk(doc, url);
    expect(r.kind).not.toBe('profile');
    expect(r.fields.name.status).not.toBe('ok');
  });
  it("a logged-out profile whose name cannot be read is still the profile (the login box beside it is no wall): its status and photo read", () => {
    const login = '<div id="side_bar"><form id="quick_login_form" action="https://login.vk.com/?act=login"><input type="password" name="pass"></form></div>';
    const profile = '<div id="narrow_column"><div class="page_block page_photo"><div id="page_avatar_wrap" class="page_avatar_wrap"><div id="page_avatar" class="page_avatar">' +
      '<img class="page_avatar_img" src="https://sun1-1.userapi.com/s/v1/ig2/avatar.jpg?size=200x200&ava=1"></div></div></div></div>' +
      '<div id="wide_column"><div id="page_info_wrap" class="page_info_wrap"><div class="page_top"><h1 class="page_name">\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD</h1>' +
      '<div id="page_current_info" class="page_current_info"><span class="current_text">Back on Monday</span></div></div></div></div>';
    const r = read(login + '<div id="content">' + profile + '</div>');
    expect(r.kind).toBe('profile');
    expect(r.fields.name.status).not.toBe('ok');
    expect(value(r, 'headline')).toBe('Back on Monday');
    expect(value(r, 'photoUrl')).toBe('https://sun1-1.userapi.com/s/v1/ig2/avatar.jpg?size=200x200&ava=1');
    // the same login box with no profile's header: a wall
    expect(read(login + '<div id="content"><h1>Войдите, чтобы просмотреть страницу</h1></div>').kind).toBe('login-wall');
  });

  it("the photo is the avatar the page shows; og:image (another size, another file) only when there is none", () => {
    const head = '<meta property="og:image" content="https://sun1-1.userapi.com/impg/big_400x400.jpg?size=400x400">';
    const shown = read('<div id="content"><h1 class="page_name">Анна Петрова</h1><img class="page_avatar_img" alt="Анна Петрова" src="https://sun1-1.userapi.com/impg/small_200x200.jpg?size=200x200"></div>', head);
    expect(value(shown, 'photoUrl')).toBe('https://sun1-1.userapi.com/impg/small_200x200.jpg?size=200x200');
    expect(value(read('<div id="content"><h1 class="page_name">Анна Петрова</h1></div>', head), 'photoUrl')).toBe('https://sun1-1.userapi.com/impg/big_400x400.jpg?size=400x400');
  });
});
