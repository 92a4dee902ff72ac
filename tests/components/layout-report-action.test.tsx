// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PanelApp } from '@/components/panel/PanelApp';
import { provideLayoutReport } from '@/components/panel/layoutReportSource';
import { fakeBridge, freshDb, profileRead } from './setup';

// "Save layout report" beside "LinkedIn: could not read experience": the page the content
// script handed over becomes a layout report, and only the report is saved.

const ANNA = 'https://www.linkedin.com/in/anna-kowalski-42/';
const ok = (value: string) => ({ status: 'ok' as const, value, via: 'test' });
const PAGE = '<html lang="en"><head><title>Anna Kowalski | LinkedIn</title></head><body><main><section class="pv-top-card"><h1>Anna Kowalski</h1><div>Head of Sales at Globex</div></section><section id="experience"><h2>Experience</h2></section></main></body></html>';

describe('layout report action', () => {
  const saved: { name: string; text: string }[] = [];
  beforeEach(() => {
    freshDb();
    saved.length = 0;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (b: Blob) => {
      const u = `blob:test/${blobs.size}`;
      blobs.set(u, b);
      return u;
    };
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const b = blobs.get(this.href);
      if (b) void b.text().then((text) => saved.push({ name: this.download, text }));
    };
  });
  afterEach(() => provideLayoutReport(null));

  it('saves the report of the page to <site>-layout-report-<date>.html and says what to do with it', async () => {
    let asked = 0;
    provideLayoutReport(async () => {
      asked++;
      return { ok: true, html: PAGE, url: ANNA };
    });
    const { bridge } = fakeBridge(profileRead(ANNA, { name: ok('Anna Kowalski'), experience: { status: 'unreadable' } }));
    render(<PanelApp bridge={bridge} />);
    expect(await screen.findByText('LinkedIn: could not read experience.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save layout report' }));
    expect(await screen.findByText(/Nothing was sent\. Look it over, then attach it to a bug report\./)).toBeTruthy();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(asked).toBe(1);
    expect(saved[0].name).toMatch(/^linkedin-layout-report-\d{4}-\d{2}-\d{2}\.html$/);
    const file = saved[0].text;
    expect(file).toContain('<title>Xxxx Xxxxxxxx | LinkedIn</title>');
    expect(file).toContain('<h1>Xxxx Xxxxxxxx</h1>');
    expect(file).toContain('<h2>Experience</h2>');
    expect(file).toContain('saved from url=(0045)https://www.linkedin.com/in/xxxx-xxxxxxxx-00/');
    expect(file).not.toMatch(/Anna|Kowalski|Globex|Sales|42/);
    expect(screen.getByText(new RegExp(`Saved ${saved[0].name}`))).toBeTruthy();
  });

  it('says so when the page cannot give a report, and saves nothing', async () => {
    provideLayoutReport(async () => ({ ok: false, reason: 'no-page' }));
    const { bridge } = fakeBridge(profileRead(ANNA, { name: ok('Anna Kowalski'), experience: { status: 'unreadable' } }));
    render(<PanelApp bridge={bridge} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Save layout report' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not make the layout report/);
    expect(saved).toHaveLength(0);
  });

  it('is offered in Russian too, and only when something could not be read', async () => {
    provideLayoutReport(async () => ({ ok: true, html: PAGE, url: ANNA }));
    const { bridge } = fakeBridge(profileRead(ANNA, { name: ok('Анна Ковальская'), experience: { status: 'unreadable' } }), ['ru-RU']);
    const { unmount } = render(<PanelApp bridge={bridge} />);
    expect(await screen.findByRole('button', { name: 'Сохранить отчёт о разметке' })).toBeTruthy();
    unmount();
    const all = fakeBridge(profileRead(ANNA, { name: ok('Anna Kowalski') }));
    render(<PanelApp bridge={all.bridge} />);
    await screen.findByText(/Anna Kowalski/);
    expect(screen.queryByRole('button', { name: /layout report/ })).toBeNull();
  });
});
