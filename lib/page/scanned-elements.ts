/**
 * Names for the elements a scan found that only the page can read (canvas, video, inline SVG,
 * blob: images): the worker asks for their pixels later by name. The same element keeps its name
 * across rescans, so a Batch page's choice survives "Rescan". Weak both ways: a removed element
 * is forgotten with the page's own garbage.
 */
const names = new WeakMap<Element, string>();
const elements = new Map<string, WeakRef<Element>>();
let counter = 0;

export function elementRefOf(element: Element): string {
  let name = names.get(element);
  if (!name) {
    counter += 1;
    name = `pl-${counter}`;
    names.set(element, name);
    elements.set(name, new WeakRef(element));
  }
  return name;
}

/** The element a scan named, while it is still in the document. */
export function scannedElement(name: string): Element | undefined {
  const element = elements.get(name)?.deref();
  if (!element?.isConnected) {
    elements.delete(name);
    return undefined;
  }
  return element;
}
