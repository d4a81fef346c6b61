// File-system questions asked in several places.
import { statSync } from 'node:fs';

/** True when `path` is a folder (following links); false when it is missing or anything else. */
export const isFolder = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
