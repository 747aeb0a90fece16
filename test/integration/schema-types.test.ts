// Guards the typed client: src/lib/data/schema.gen.ts is what `npm run types` makes from the migrations. A migration
// that adds, renames or retypes a field without regenerating the types fails here (run `npm run types`).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migratedCollections, OUT_FILE, renderTypes } from '../../scripts/lib/schema-types.mjs';

describe('record types from the migrations', () => {
  it('the checked-in schema.gen.ts matches the migrated schema', async () => {
    const collections = await migratedCollections();
    expect(collections.map((c) => c.name)).toContain('compounds');
    expect(fs.readFileSync(OUT_FILE, 'utf8')).toBe(renderTypes(collections));
  });

  it('names every field of a collection with a TypeScript type, and a select field by its values', () => {
    const text = renderTypes([{
      name: 'probe_things', type: 'base',
      fields: [
        { name: 'id', type: 'text', required: true },
        { name: 'label', type: 'text' },
        { name: 'secret', type: 'text', hidden: true },
        { name: 'kind', type: 'select', values: ['a', 'b'], maxSelect: 1, required: true },
        { name: 'tags', type: 'select', values: ['x'], maxSelect: 3 },
        { name: 'mode', type: 'select', values: ['on'], maxSelect: 1 },
        { name: 'owners', type: 'relation', maxSelect: 5 },
        { name: 'n', type: 'number' },
        { name: 'blob', type: 'json' },
      ],
    }]);
    expect(text).toContain("ProbeThings: 'probe_things',");
    expect(text).toContain('export interface ProbeThingsRecord extends BaseRecord {\n  label: string;\n  kind: \'a\' | \'b\';\n  tags: (\'x\')[];\n  mode: \'on\' | \'\';\n  owners: string[];\n  n: number;\n  blob: unknown;\n}');
    expect(text).not.toContain('secret');
  });
});
