// A schema built the first time it is used, not when its module loads.
//
// Building a zod schema runs zod's constructors for every part of it (tens of
// microseconds each); the entities, messages and settings define a few hundred parts
// at the top of their modules, so every extension page and the worker paid for all of
// them in the one task that evaluates their code — 10–20 ms of the side panel's
// longest task, spent on schemas most openings never use (backup, restore, sync).
// Wrapped, each is built on its first use, in whichever later task needs it.

/**
 * `build()`'s result, made on the first access to any of its properties; the same
 * object from then on. Typed as the schema itself, so `z.infer<typeof X>`,
 * `X.parse(…)`, `X.optional()` and schemas that nest X read as before.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let made: T | undefined;
  const real = (): T => (made ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    // reported configurable: the proxy's own (empty) target holds none of them
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
