/**
 * The integrator export (`npm run dataset -- --export FILE.json`): the compiled dataset as documented JSON,
 * and its JSON Schema (`--export-schema FILE.json`), both derived from the zod schema in schema.ts so the
 * file, the schema and data/README.md ("Export format") cannot drift apart (a unit test compares them).
 */
import { z } from 'zod';
import { dataset, type Dataset } from '../shared/model';

export function exportJson(compiled: Dataset): string {
  // Parse before writing: the export is exactly the documented shape or nothing.
  return JSON.stringify(dataset.parse(compiled), null, 2) + '\n';
}

export function exportJsonSchema(): object {
  return z.toJSONSchema(dataset, { io: 'output', target: 'draft-2020-12' });
}

/** One documented field of the export: its path (`entities[].aliases[].text`), whether required, its type. */
export interface ExportField {
  path: string;
  required: boolean;
  type: string;
}

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  required?: string[];
}

export function exportFields(): ExportField[] {
  const fields: ExportField[] = [];
  const walk = (node: JsonSchemaNode, prefix: string): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      fields.push({ path, required: node.required?.includes(key) ?? false, type: child.type ?? 'any' });
      walk(child, path);
    }
    if (node.items) walk(node.items, `${prefix}[]`);
  };
  walk(exportJsonSchema() as JsonSchemaNode, '');
  return fields;
}
