// @vitest-environment jsdom
// The formatters' locale data is loaded in a worker before the page builds its own
// (components/shared/format.ts, prepareFormat): the page waits for the worker's word,
// and builds them anyway when the worker fails, cannot start or never answers.
import { prepareFormat } from '@/components/shared/format';

class FakeWorker {
  static made: FakeWorker[] = [];
  static refuse = false;
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  constructor(public url: URL | string) {
    if (FakeWorker.refuse) throw new Error('no workers here');
    FakeWorker.made.push(this);
  }
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
}

/** the locales the page's own DateTimeFormats were built for */
let built: string[] = [];
const RealDTF = Intl.DateTimeFormat;

beforeEach(() => {
  vi.useFakeTimers();
  FakeWorker.made = [];
  FakeWorker.refuse = false;
  built = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('requestIdleCallback', (fn: () => void) => setTimeout(fn, 1));
  const Spy = function (this: unknown, lng?: string | string[], o?: Intl.DateTimeFormatOptions) {
    built.push(String(lng));
    return new RealDTF(lng, o);
  } as unknown as typeof Intl.DateTimeFormat;
  Object.defineProperty(Intl, 'DateTimeFormat', { value: Spy, configurable: true, writable: true });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  Object.defineProperty(Intl, 'DateTimeFormat', { value: RealDTF, configurable: true, writable: true });
});

describe('prepareFormat', () => {
  it('asks a worker for the language first, and builds the page’s formatters once it has answered', () => {
    prepareFormat('ru');
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0].posted).toEqual(['ru']);
    vi.advanceTimersByTime(500);
    expect(built).toEqual([]); // not while the worker loads the data
    FakeWorker.made[0].onmessage?.({ data: 'done' } as MessageEvent);
    expect(FakeWorker.made[0].terminated).toBe(true);
    vi.advanceTimersByTime(50);
    expect(built).toEqual(['ru']);
  });

  it('builds them when the worker fails', () => {
    prepareFormat('pl');
    FakeWorker.made[0].onerror?.(new Event('error'));
    vi.advanceTimersByTime(50);
    expect(built).toEqual(['pl']);
  });

  it('builds them when no worker can start', () => {
    FakeWorker.refuse = true;
    prepareFormat('de');
    vi.advanceTimersByTime(50);
    expect(built).toEqual(['de']);
  });

  it('builds them when the worker never answers, once', () => {
    prepareFormat('uk');
    vi.advanceTimersByTime(1999);
    expect(built).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(built).toEqual(['uk']);
    FakeWorker.made[0].onmessage?.({ data: 'done' } as MessageEvent); // a late answer changes nothing
    vi.advanceTimersByTime(5000);
    expect(built).toEqual(['uk']);
  });
});
