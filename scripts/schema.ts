// Writes public/schema/project-2.schema.json, the published JSON Schema of the project file,
// from its one definition (src/core/project/format.ts, with the descriptions of
// src/core/project/formatDescriptions.ts). Run it after changing the format:
//   npm run schema
// (src/core/project/formatSchema.test.ts fails while the committed file and the definition differ).
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { projectSchema } from '../src/core/project/formatSchema.ts';
import { PROJECT_VERSION } from '../src/core/project/types.ts';

const file = `public/schema/project-${PROJECT_VERSION}.schema.json`;
const text = await format(JSON.stringify(projectSchema(), null, 2), { parser: 'json', printWidth: 160 });
writeFileSync(new URL(`../${file}`, import.meta.url), text);
console.log(`wrote ${file}`);
