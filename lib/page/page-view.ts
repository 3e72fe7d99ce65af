/** The element's own window: a frame's elements are instances of its own classes. */
export type View = Window & typeof globalThis;
