/** The slice of the extension API that tests evaluate inside the service worker. */
declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
};
