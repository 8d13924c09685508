/**
 * npm run dataset:keygen -- --out FILE
 * Makes an Ed25519 signing key pair for dataset releases. FILE (name it *.key.json: .gitignore keeps those
 * out of git) gets the private key, readable by you only; FILE's public half is printed, ready to paste
 * into src/feed/trusted-keys.ts, and written beside it as *.pub.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSigningKey } from '../src/feed/signature';

const { values } = parseArgs({ options: { out: { type: 'string' }, 'if-missing': { type: 'boolean' } } });
if (!values.out) {
  console.error('usage: npm run dataset:keygen -- --out path/to/signing.key.json [--if-missing]');
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
console.log(`private key: ${out} (keep it secret, never commit it)`);
console.log(`public key:  ${pubOut}`);
console.log(`trust it in src/feed/trusted-keys.ts: ${JSON.stringify(publicKey)}`);
