// Writes public/schema/project-2.schema.json, the published JSON Schema of the project file,
// from its one definition (src/core/project/format.ts, with the descriptions of
// src/core/project/formatDescriptions.ts). Run it after changing the format:
//   npm run schema
// (src/core/project/formatSchema.test.ts fails while the committed file and the definition differ).
// Also writes src/core/validate/metaSchema.generated.ts, the JSON Schema 2020-12 meta-schema
// compiled ahead of time (src/core/validate/metaSchemaCode.ts; schemaValidator.test.ts fails while stale).
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { projectSchema } from '../src/core/project/formatSchema.ts';
import { PROJECT_VERSION } from '../src/core/project/types.ts';
import { metaSchemaCode } from '../src/core/validate/metaSchemaCode.ts';

const file = `public/schema/project-${PROJECT_VERSION}.schema.json`;
const text = await format(JSON.stringify(projectSchema(), null, 2), { parser: 'json', printWidth: 160 });
writeFileSync(new URL(`../${file}`, import.meta.url), text);
console.log(`wrote ${file}`);

const metaFile = 'src/core/validate/metaSchema.generated.ts';
writeFileSync(new URL(`../${metaFile}`, import.meta.url), metaSchemaCode());
console.log(`wrote ${metaFile}`);
