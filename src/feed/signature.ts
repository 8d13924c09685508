/**
 * Hashes and Ed25519 signatures through WebCrypto (crypto.subtle in the worker, Node's webcrypto in the
 * release scripts), so one implementation signs and verifies. Chromium has Ed25519 in WebCrypto since 137
 * and Firefox since 129.
 */
import { FeedError } from './errors';
import { SIGNATURE_ALGORITHM, signatureFile, type SignatureFile } from './manifest';

/** A public key the extension trusts; several can be trusted at once so keys can be rotated. */
export interface TrustedKey {
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
}

/** A signing key as the keygen script writes it (the private half never leaves the publisher's machine). */
export interface PrivateKeyFile extends TrustedKey {
  algorithm: typeof SIGNATURE_ALGORITHM;
  /** PKCS#8, base64. */
  privateKey: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A short, stable name for a public key: the first 16 hex digits of its SHA-256. */
async function keyIdOf(rawPublicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  return (await sha256Hex(rawPublicKey)).slice(0, 16);
}

export async function generateSigningKey(): Promise<PrivateKeyFile> {
  const pair = (await crypto.subtle.generateKey({ name: SIGNATURE_ALGORITHM }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return {
    keyId: await keyIdOf(raw),
    algorithm: SIGNATURE_ALGORITHM,
    publicKey: toBase64(raw),
    privateKey: toBase64(pkcs8),
  };
}

/** Sign the exact bytes of manifest.json with every given key; returns the manifest.sig content. */
export async function signManifest(
  manifestBytes: Uint8Array<ArrayBuffer>,
  keys: readonly PrivateKeyFile[],
): Promise<SignatureFile> {
  const signatures: SignatureFile['signatures'] = [];
  for (const key of keys) {
    const privateKey = await crypto.subtle.importKey(
      'pkcs8',
      fromBase64(key.privateKey),
      { name: SIGNATURE_ALGORITHM },
      false,
      ['sign'],
    );
    const signature = await crypto.subtle.sign({ name: SIGNATURE_ALGORITHM }, privateKey, manifestBytes);
    signatures.push({
      keyId: key.keyId,
      algorithm: SIGNATURE_ALGORITHM,
      signature: toBase64(new Uint8Array(signature)),
    });
  }
  return { signatures };
}

/**
 * Accept the manifest bytes only when a trusted key signed them. A signature by a key we do not trust is
 * "unknown key"; a trusted key whose signature does not verify is "bad signature" (tampering).
 */
export async function verifyManifestSignature(
  manifestBytes: Uint8Array<ArrayBuffer>,
  signatureJson: unknown,
  trusted: readonly TrustedKey[],
): Promise<string> {
  const parsed = signatureFile.safeParse(signatureJson);
  if (!parsed.success) throw new FeedError('bad-manifest', ['manifest.sig']);
  let sawTrusted = false;
  for (const sig of parsed.data.signatures) {
    const key = trusted.find((k) => k.keyId === sig.keyId);
    if (!key) continue;
    sawTrusted = true;
    const publicKey = await crypto.subtle.importKey(
      'raw',
      fromBase64(key.publicKey),
      { name: SIGNATURE_ALGORITHM },
      false,
      ['verify'],
    );
    const ok = await crypto.subtle.verify(
      { name: SIGNATURE_ALGORITHM },
      publicKey,
      fromBase64(sig.signature),
      manifestBytes,
    );
    if (ok) return key.keyId;
  }
  if (!sawTrusted) {
    throw new FeedError('unknown-key', [parsed.data.signatures.map((s) => s.keyId).join(', ')]);
  }
  throw new FeedError('bad-signature');
}
