// Types of schema-types.mjs for the TypeScript test that imports it (test/unit/schemaTypes.test.ts).

/** Where the generated types are written, relative to the repository. */
export const OUTPUT: string;

/** A schema of schemas/ as parsed JSON. */
export function readSchema(name: string, root?: string): Record<string, unknown>;

/** Every `default` of a schema with the data path of its key. */
export function schemaDefaults(schema: Record<string, unknown>): { paths: { path: string; value: unknown }[] };

/** The text of src/source/schemaTypes.ts. */
export function generateSchemaTypes(root?: string): Promise<string>;
