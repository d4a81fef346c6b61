// Entry of the document-writing worker processes (src/pipeline/writers.ts), loaded as
// bin/tuangou.js loads the CLI: a worker inherits neither the bundle nor the TypeScript loader.
import { createRequire } from 'node:module';

const { writeTask, renderTask } = await createRequire(import.meta.url)('./bundle.cjs').entry();
export default writeTask;
export { renderTask };
