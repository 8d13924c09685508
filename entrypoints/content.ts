import { runContentScript } from '../src/content/main';

export default defineContentScript({
  // Registered at run time, only for the sites the reader switched on (see src/background/registration.ts).
  registration: 'runtime',
  matches: [],
  // No start-up message to the page: it would tell every site that NormLens runs, and its extension id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    void runContentScript(ctx);
  },
});
