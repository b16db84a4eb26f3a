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
    /** The native open dialog for files to import; resolves with the chosen paths ([] when cancelled). */
    chooseImportFiles?(): Promise<string[]>;
    /** Native menu commands ('import', 'language-vi', 'language-en', …). */
    onCommand?(fn: (cmd: string) => void): void;
    /** Tell main the UI language so the native menu follows it. */
    setLanguage?(lang: 'vi' | 'en'): void;
  }

  interface Window {
    atlas?: AtlasBridge;
  }
}
