// Entry of the document-writing worker processes (src/pipeline/writers.ts). A worker starts
// without the TypeScript loader the main process registered, so it registers its own first.
import { register } from 'tsx/esm/api';

register();
const { writeTask } = await import('../src/pipeline/write-task.ts');
export default writeTask;
