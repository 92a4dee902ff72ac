// A module as a content script's build makes it: wxt.config.ts defines build flags
// (__TIEWISE_FACEBOOK__, __TIEWISE_LIVE__) that the readers read through `typeof`; here the flag
// is a global while the module is loaded afresh, then gone again.

/** `load()`'s module loaded afresh with the global `flag` set to `value` (none when undefined). */
export async function builtAs<T>(flag: string, value: unknown, load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  if (value !== undefined) vi.stubGlobal(flag, value);
  try {
    return await load();
  } finally {
    vi.unstubAllGlobals();
  }
}
