/**
 * `window.atlas`, exposed by the preload (electron/preload/index.ts) in the Electron app and absent in
 * a plain browser (the web harness). Other members the preload adds can be declared by merging into
 * `AtlasBridge`.
 */
export {};

declare global {
  /** What the preload exposes. */
  interface AtlasBridge {
    transport: 'electron';
    /** Resolves with the engine port once main has wired it. */
    enginePort(): Promise<MessagePort>;
  }

  interface Window {
    atlas?: AtlasBridge;
  }
}
