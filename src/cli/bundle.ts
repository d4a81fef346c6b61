// What bin/tuangou.js and the writer processes run (bin/bundle.cjs), and the entry of the
// bundle scripts/build.ts makes. The writer is loaded only when asked for, so a command that
// writes no document never loads pdfmake or docx.
import type { RenderTask, WriteTask } from '../pipeline/write-task.ts';

export { main } from './main.ts';

export const writeTask = async (task: WriteTask): Promise<string[]> => (await import('../pipeline/write-task.ts')).writeTask(task);

export const renderTask = async (task: RenderTask): Promise<Uint8Array> => (await import('../pipeline/write-task.ts')).renderTask(task);
