/**
 * A promise and the function that settles it, for a moment that another part of the code
 * reaches (Promise.withResolvers, which Node 20 running the unit tests lacks).
 */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
