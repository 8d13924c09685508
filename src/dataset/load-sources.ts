/**
 * Reads the dataset sources under data/ (Node only: used by the build and `npm run dataset`), validates
 * each file against the schema with its path in every message, and compiles them.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import type { z } from 'zod';
import { compile, type CompileResult, type Located } from './compile';
import { generateCountries, type CountryOverride, type WorldCountry } from './countries';
import { countsFile, relationsFile, sourceEntity, type SourceEntity } from './schema';
import { datasetVersion } from '../shared/model';

const KIND_FOLDERS = {
  initiatives: 'initiative',
  people: 'person',
  organizations: 'organization',
  'threat-actors': 'threat-actor',
  incidents: 'incident',
} as const;

/** When the country names and codes were taken from world-countries (the installed package's release). */
const COUNTRY_PROVENANCE = {
  namesSource: 'https://github.com/mledoze/countries',
  membersSource: 'https://www.un.org/en/about-us/member-states',
  observersSource: 'https://www.un.org/en/about-us/non-member-states',
  asOf: '2025-06-03',
};

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

function formatIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: ${i.path.join('.') || '(file)'}: ${i.message}`);
}

export function loadAndCompile(dataDir: string, generatedAt = new Date().toISOString()): CompileResult {
  const errors: string[] = [];
  const rel = (f: string): string => relative(process.cwd(), f);
  const readYaml = (file: string): unknown => {
    try {
      return parse(readFileSync(file, 'utf8'));
    } catch (e) {
      errors.push(`${rel(file)}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      return undefined;
    }
  };

  const meta = readYaml(join(dataDir, 'meta.yaml')) as { version?: unknown } | undefined;
  const version = datasetVersion.safeParse(String(meta?.version ?? ''));
  if (!version.success) errors.push(`data/meta.yaml: version: ${version.error.issues[0]?.message}`);

  const entities: Located<SourceEntity>[] = [];
  for (const [folder, kind] of Object.entries(KIND_FOLDERS)) {
    for (const file of yamlFiles(join(dataDir, folder))) {
      // An importer's corrections file (threat-actors/overrides.yaml) is read by its script, not an entity.
      if (file.endsWith('/overrides.yaml')) continue;
      const raw = readYaml(file);
      if (raw === undefined) continue;
      const parsed = sourceEntity.safeParse(raw);
      if (!parsed.success) {
        errors.push(...formatIssues(rel(file), parsed.error));
        continue;
      }
      const expectedName = `${parsed.data.id}.yaml`;
      if (!file.endsWith(`/${expectedName}`))
        errors.push(`${rel(file)}: file name should be ${expectedName}`);
      if (parsed.data.kind !== kind)
        errors.push(`${rel(file)}: kind ${parsed.data.kind} in the ${folder}/ folder`);
      entities.push({ file: rel(file), value: parsed.data });
    }
  }

  // Countries: generated from the package, refined by data/countries/.
  const overrides: Record<string, CountryOverride> = {};
  for (const file of yamlFiles(join(dataDir, 'countries'))) {
    const raw = readYaml(file) as
      { overrides?: Record<string, CountryOverride>; entity?: unknown } | undefined;
    if (!raw) continue;
    Object.assign(overrides, raw.overrides ?? {});
    if (raw.entity) {
      const parsed = sourceEntity.safeParse(raw.entity);
      if (parsed.success) entities.push({ file: rel(file), value: parsed.data });
      else errors.push(...formatIssues(rel(file), parsed.error));
    }
  }
  const require = createRequire(import.meta.url);
  const world = require('world-countries') as WorldCountry[];
  for (const country of generateCountries(world, overrides, COUNTRY_PROVENANCE)) {
    const parsed = sourceEntity.safeParse(country);
    if (parsed.success) entities.push({ file: 'world-countries', value: parsed.data });
    else errors.push(...formatIssues(`generated ${country.id}`, parsed.error));
  }

  const relations: CompileResultInput['relations'] = [];
  const counts: CompileResultInput['counts'] = [];
  const lists: NonNullable<CompileResultInput['lists']> = [];
  for (const file of yamlFiles(join(dataDir, 'relations'))) {
    const raw = readYaml(file) as Record<string, unknown> | undefined;
    if (!raw) continue;
    if ('counts' in raw) {
      const parsed = countsFile.safeParse(raw);
      if (parsed.success) counts.push({ file: rel(file), value: parsed.data });
      else errors.push(...formatIssues(rel(file), parsed.error));
      continue;
    }
    const parsed = relationsFile.safeParse(raw);
    if (!parsed.success) {
      errors.push(...formatIssues(rel(file), parsed.error));
      continue;
    }
    for (const value of parsed.data.relations) relations.push({ file: rel(file), value });
    if (parsed.data.list) lists.push({ file: rel(file), value: parsed.data.list });
  }

  const result = compile({
    version: version.success ? version.data : '0.0.0',
    generatedAt,
    entities,
    relations,
    counts,
    lists,
  });
  result.errors.unshift(...errors);
  return result;
}

type CompileResultInput = Parameters<typeof compile>[0];
