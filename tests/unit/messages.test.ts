import { classifySender, judge } from '@/lib/messages';
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
});
