/**
 * The layers of NormLens, checked in `npm test` (npm run lint:deps). A folder may import only what its layer
 * allows, nothing may import in a circle, and no page or content script may reach the dataset's database.
 *
 *   shared/  the contract: model, vocabulary, protocol, storage items (imports nothing else of src/)
 *   text/    folding rules (pure)
 *   annotate/, card/, feed/, db/, i18n/, ui/, dataset/, coverage/   building blocks
 *   background/  the only user of db/ and feed/'s updater
 *   content/, popup/, options/, welcome/   what runs in pages: they talk to the background through shared/
 */
const PAGES = '^src/(popup|options|welcome|sidepanel)/';
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make start-up order and test isolation fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-the-bottom',
      severity: 'error',
      comment: 'src/shared/ is the contract every part builds on; it depends on no other part.',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'db-behind-the-background',
      severity: 'error',
      comment: 'Only the background opens the dataset database; pages and content scripts ask it.',
      from: { path: '^src/', pathNot: '^src/(background|db)/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'no-dexie-in-page-bundles',
      severity: 'error',
      comment: 'Dexie must not ship in a page or content-script bundle.',
      from: { path: '^entrypoints/(popup|options|welcome|sidepanel)/|^entrypoints/content' },
      to: { path: 'node_modules/dexie/', reachable: true },
    },
    {
      name: 'pages-and-content-through-the-background',
      severity: 'error',
      comment: 'Pages and content scripts reach the dataset and the updater only through messages.',
      from: { path: `${PAGES}|^src/content/` },
      to: { path: '^src/(background|db|feed|dataset|coverage)/' },
    },
    {
      name: 'annotate-knows-no-browser-surface',
      severity: 'error',
      comment: 'The matcher and annotator are pure building blocks: no UI, no storage, no messaging.',
      from: { path: '^src/annotate/' },
      to: { path: '^src/(content|card|background|db|feed|dataset|popup|options|welcome|sidepanel|ui)/' },
    },
    {
      name: 'feed-is-pure',
      severity: 'error',
      comment: 'The feed verifier and update machine know neither the database nor the browser surfaces.',
      from: { path: '^src/feed/' },
      to: { path: '^src/(db|background|content|card|annotate|popup|options|welcome|sidepanel)/' },
    },
    {
      name: 'card-only-renders',
      severity: 'error',
      comment: 'The card renders data it is given; it fetches nothing and knows no page.',
      from: { path: '^src/card/' },
      to: { path: '^src/(content|background|db|feed|annotate|dataset)/' },
    },
    {
      name: 'build-time-only',
      severity: 'error',
      comment: 'The dataset compiler and the coverage measure run in Node; nothing that ships imports them.',
      from: { path: '^src/', pathNot: '^src/(dataset|coverage)/' },
      to: { path: '^src/(dataset|coverage)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
  },
};
