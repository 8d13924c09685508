/** Match patterns granted at build time for automated tests (NORMLENS_TEST_HOSTS); empty in real builds. */
declare const __NORMLENS_TEST_HOSTS__: string[];
