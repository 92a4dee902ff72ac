import { classifySender, judge, TeamStatusMsg } from '@/lib/messages';
import { TeamReason, TeamState, TeamStatus } from '@/lib/sync/status';
import { emptyFields } from '@/lib/extract/types';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const fromPage = { id: 'ext-id', url: 'https://www.linkedin.com/in/anna/', tab: { id: 4, url: 'https://www.linkedin.com/in/anna/' } };
const fromPanel = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };
const read = { type: 'content:page-read', url: 'https://www.linkedin.com/in/anna/', extraction: { site: 'linkedin', kind: 'profile', profileUrl: null, lang: 'en', fields: emptyFields() } };

describe('messages', () => {
  it('classifies senders by what the browser sets, not by what a message claims', () => {
    expect(classifySender(fromPage, self)).toBe('content-script');
    expect(classifySender(fromPanel, self)).toBe('extension-page');
    expect(classifySender({ ...fromPage, id: 'other-ext' }, self)).toBe('foreign');
    expect(classifySender({ id: 'ext-id', url: 'https://evil.example/', tab: { id: 1 } }, self)).toBe('foreign');
    expect(classifySender({ id: 'ext-id', url: 'http://www.linkedin.com/', tab: { id: 1 } }, self)).toBe('foreign');
    expect(classifySender({ id: 'ext-id', url: 'https://linkedin.com.evil.example/', tab: { id: 1 } }, self)).toBe('foreign');
  });

  it('accepts a well-formed page read from a content script', () => {
    const v = judge(read, fromPage, self);
    expect(v.ok && v.message.type).toBe('content:page-read');
  });

  it('drops malformed messages with a reason', () => {
    expect(judge({ type: 'content:page-read', url: 5 }, fromPage, self)).toMatchObject({ ok: false, reason: expect.stringContaining('malformed') });
    expect(judge(null, fromPage, self)).toMatchObject({ ok: false });
    expect(judge({ type: 'export-everything' }, fromPanel, self)).toMatchObject({ ok: false });
    const badField = { ...read, extraction: { ...read.extraction, fields: { ...emptyFields(), name: { status: 'ok' } } } };
    expect(judge(badField, fromPage, self)).toMatchObject({ ok: false });
  });

  it('a content script may not ask for what only extension pages may', () => {
    expect(judge({ type: 'panel:get-tab-state' }, fromPage, self)).toMatchObject({ ok: false, reason: expect.stringContaining('may not') });
    expect(judge({ type: 'panel:get-tab-state' }, fromPanel, self)).toMatchObject({ ok: true });
    // the layout report: only the panel may ask for a tab's page; the content script only answers
    expect(judge({ type: 'panel:layout-report', tabId: 3 }, fromPage, self)).toMatchObject({ ok: false, reason: expect.stringContaining('may not') });
    expect(judge({ type: 'panel:layout-report', tabId: 3 }, fromPanel, self)).toMatchObject({ ok: true });
    expect(judge({ type: 'bg:layout-report' }, fromPage, self)).toMatchObject({ ok: false });
  });

  it('drops everything from another extension or a web page', () => {
    expect(judge(read, { ...fromPage, id: 'evil' }, self)).toMatchObject({ ok: false, reason: expect.stringContaining('foreign') });
  });

  describe('the team book', () => {
    const config = { url: 'https://couch.example.com', database: 'team-book', user: 'olga', password: 'secret' };

    it('extension pages may ask for the status, connect, disconnect and sync now', () => {
      for (const m of [{ type: 'team:get-status' }, { type: 'team:connect', config }, { type: 'team:disconnect' }, { type: 'team:sync-now' }]) {
        const v = judge(m, fromPanel, self);
        expect(v.ok && v.message).toEqual(m);
      }
    });

    it('a content script (a site page) may send none of them', () => {
      for (const m of [{ type: 'team:get-status' }, { type: 'team:connect', config }, { type: 'team:disconnect' }, { type: 'team:sync-now' }, { type: 'bg:team-status', status: { state: 'off' } }]) {
        expect(judge(m, fromPage, self)).toMatchObject({ ok: false, reason: expect.stringContaining('may not') });
      }
      expect(judge({ type: 'team:connect', config }, { ...fromPanel, id: 'other-ext' }, self)).toMatchObject({ ok: false, reason: expect.stringContaining('foreign') });
    });

    it('a connect without a user name or with an over-long password is dropped', () => {
      expect(judge({ type: 'team:connect', config: { ...config, user: '' } }, fromPanel, self)).toMatchObject({ ok: false, reason: expect.stringContaining('malformed') });
      expect(judge({ type: 'team:connect', config: { ...config, password: 'x'.repeat(1025) } }, fromPanel, self)).toMatchObject({ ok: false });
      expect(judge({ type: 'team:connect' }, fromPanel, self)).toMatchObject({ ok: false });
    });

    it('the status broadcast carries a status the pages can trust; a made-up state or reason is dropped', () => {
      const status = { state: 'syncing', origin: 'https://couch.example.com', database: 'team-book', user: 'olga', done: 40, total: 200, pending: 3, lastSyncAt: 1, detail: 'batch 1' };
      const v = judge({ type: 'bg:team-status', status }, { id: 'ext-id', url: 'chrome-extension://ext-id/background.js' }, self);
      expect(v.ok && v.message).toEqual({ type: 'bg:team-status', status });
      expect(judge({ type: 'bg:team-status', status: { state: 'hacked' } }, fromPanel, self)).toMatchObject({ ok: false });
      expect(judge({ type: 'bg:team-status', status: { state: 'refused', reason: 'because' } }, fromPanel, self)).toMatchObject({ ok: false });
      expect(judge({ type: 'bg:team-status', status: { state: 'refused', detail: 'x'.repeat(501) } }, fromPanel, self)).toMatchObject({ ok: false });
    });

    it('the message schema knows the same states and reasons as lib/sync/status.ts', () => {
      for (const state of TeamState.options) {
        for (const reason of [undefined, ...TeamReason.options]) {
          const s = { state, reason, pending: 2 };
          expect(TeamStatusMsg.safeParse(s).success, `${state} ${reason}`).toBe(true);
          expect(TeamStatus.safeParse(s).success).toBe(true);
        }
      }
      expect(TeamStatusMsg.safeParse({ state: 'off', reason: 'nope' }).success).toBe(false);
    });
  });
});
