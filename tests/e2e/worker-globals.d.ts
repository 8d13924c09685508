/** The slice of the extension API that tests evaluate inside the service worker. */
declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
};
