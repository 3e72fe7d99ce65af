/**
 * What a bot-detection script checks (run in the page): the platform's functions are its own, and nothing was added.
 */
export function integrityProblems(): string[] {
  const problems: string[] = [];
  const isNative = (f: unknown) =>
    typeof f === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));
  // A realm no content script runs in (about:blank, made by the page itself): the yardstick.
  const frame = document.createElement('iframe');
  document.documentElement.append(frame);
  const clean = frame.contentWindow as unknown as Record<string, { prototype: object }>;
  const mine = window as unknown as Record<string, { prototype: object }>;
  for (const name of [
    'EventTarget',
    'Node',
    'Element',
    'HTMLElement',
    'SVGElement',
    'Document',
    'HTMLDocument',
    'Window',
  ]) {
    const proto = mine[name]!.prototype;
    const names = Object.getOwnPropertyNames(proto).sort().join();
    if (names !== Object.getOwnPropertyNames(clean[name]!.prototype).sort().join())
      problems.push(`${name}.prototype: properties added`);
    for (const key of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      for (const f of [d.value, d.get, d.set])
        if (typeof f === 'function' && key !== 'constructor' && !isNative(f))
          problems.push(`${name}.prototype.${key}: not native`);
    }
  }
  const add = EventTarget.prototype.addEventListener;
  if (!isNative(add)) problems.push('addEventListener: not native');
  if (add.length !== 2 || add.name !== 'addEventListener') problems.push('addEventListener: length or name changed');
  const setter = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'oncontextmenu')?.set;
  if (!isNative(setter)) problems.push('HTMLElement.prototype.oncontextmenu: setter not native');
  frame.remove();
  return problems;
}
