/**
 * The feed's file formats: the signed manifest, its detached signature file and the patch format. A feed is
 * plain static files (manifest.json, manifest.sig, one full snapshot, patches from recent versions), so any
 * static host or CDN can serve it. The signature covers the exact bytes of manifest.json, so nothing is ever
 * re-serialised before verifying (no JSON canonicalisation to get wrong); the manifest in turn pins the size
 * and SHA-256 of every other file.
 */
import { z } from 'zod';
import { compiledEntity, compiledRelation, datasetVersion } from '../shared/model';

export const FEED_FORMAT = 1;
export const PATCH_FORMAT = 1;
export const SIGNATURE_ALGORITHM = 'Ed25519';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
/** A file name inside the feed folder: no scheme, no "..", no leading slash, so it can only resolve under it. */
const feedPath = z
  .string()
  .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'expected a relative path inside the feed')
  .refine((p) => !p.split('/').includes('..'), 'expected a relative path inside the feed');
const extensionVersion = z.string().regex(/^\d+(\.\d+){0,3}$/, 'expected an extension version like 0.2.0');

const feedFile = z.object({ path: feedPath, size: z.number().int().positive(), sha256: sha256Hex }).strict();
export type FeedFile = z.infer<typeof feedFile>;

export const feedManifest = z
  .object({
    feedFormat: z.literal(FEED_FORMAT),
    datasetVersion,
    createdAt: z.iso.datetime(),
    minExtensionVersion: extensionVersion,
    snapshot: feedFile,
    patches: z.array(feedFile.extend({ from: datasetVersion }).strict()).max(20),
  })
  .strict();
export type FeedManifest = z.infer<typeof feedManifest>;

/** manifest.sig: one or more signatures, so a release can be signed by the old and the new key while rotating. */
export const signatureFile = z
  .object({
    signatures: z
      .array(
        z
          .object({
            keyId: z.string().regex(/^[0-9a-f]{16}$/),
            algorithm: z.literal(SIGNATURE_ALGORITHM),
            signature: z.base64(),
          })
          .strict(),
      )
      .min(1)
      .max(8),
  })
  .strict();
export type SignatureFile = z.infer<typeof signatureFile>;

/** Upserts and deletes, by id, that turn dataset `from` into dataset `to`. */
export const datasetPatch = z
  .object({
    patchFormat: z.literal(PATCH_FORMAT),
    from: datasetVersion,
    to: datasetVersion,
    generatedAt: z.iso.datetime(),
    entities: z.object({ put: z.array(compiledEntity), delete: z.array(z.string()) }).strict(),
    relations: z.object({ put: z.array(compiledRelation), delete: z.array(z.string()) }).strict(),
  })
  .strict();
export type DatasetPatch = z.infer<typeof datasetPatch>;
