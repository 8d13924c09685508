import { runContentScript } from '../src/content/main';

export default defineContentScript({
  // Registered at run time, only for the sites the reader switched on (see src/background/registration.ts).
  registration: 'runtime',
  matches: [],
  main(ctx) {
    void runContentScript(ctx);
  },
});
