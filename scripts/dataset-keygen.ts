/**
 * npm run dataset:keygen -- --out FILE [--trust] [--if-missing]
 * Makes an Ed25519 signing key pair for dataset releases. FILE (name it *.key.json: .gitignore keeps those
 * out of git) gets the private key, readable by you only; its public half is written beside it as
 * *.pub.json. --trust also adds the public half to feed.config.json's trustedKeys, so the builds this
 * repository makes trust it (commit that file). The private key goes into the release workflow's secret
 * NORMLENS_SIGNING_KEY and an offline backup, nowhere else (README: "Publishing a dataset release").
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSigningKey } from '../src/feed/signature';
import { FEED_CONFIG_FILE } from '../src/feed/build-config';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    trust: { type: 'boolean' },
    'if-missing': { type: 'boolean' },
    // Where feed.config.json is (the repository root by default; tests give a copy).
    root: { type: 'string' },
  },
});
if (!values.out) {
  console.error('usage: npm run dataset:keygen -- --out path/to/signing.key.json [--trust] [--if-missing]');
  process.exit(2);
}
const out = values.out;
const pubOut = out.replace(/(\.key)?\.json$/, '') + '.pub.json';
if (existsSync(out)) {
  if (values['if-missing']) process.exit(0);
  console.error(`${out} exists; refusing to overwrite a signing key`);
  process.exit(1);
}
const key = await generateSigningKey();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(key, null, 2) + '\n', { mode: 0o600 });
const publicKey = { keyId: key.keyId, publicKey: key.publicKey };
writeFileSync(pubOut, JSON.stringify(publicKey, null, 2) + '\n');
console.log(`private key: ${out} (keep it secret, never commit it; back it up offline)`);
console.log(`public key:  ${pubOut}`);
console.log(`release workflow secret: gh secret set NORMLENS_SIGNING_KEY < ${out}`);
if (values.trust) {
  const file = join(resolve(values.root ?? join(import.meta.dirname, '..')), FEED_CONFIG_FILE);
  const config = JSON.parse(readFileSync(file, 'utf8')) as { trustedKeys: unknown[] };
  config.trustedKeys.push(publicKey);
  writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
  console.log(
    `trusted in ${file}: commit it, and builds from then on accept releases signed by ${key.keyId}`,
  );
} else {
  console.log(`to trust it, add to trustedKeys in ${FEED_CONFIG_FILE}: ${JSON.stringify(publicKey)}`);
}
