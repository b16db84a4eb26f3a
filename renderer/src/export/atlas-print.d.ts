/** The preload's print call (electron/preload/index.ts), merged into `window.atlas`'s type. */
export {};

declare global {
  interface AtlasBridge {
    /** Print the page to a PDF the user names in a save dialog; resolves with its path, or null. */
    printToPdf?(suggestedName: string): Promise<string | null>;
  }
}
