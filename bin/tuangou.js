#!/usr/bin/env node
// The bundle `npm ci` built while it matches the sources, else the TypeScript sources through
// tsx, so an edited source never runs stale (bin/bundle.cjs).
import { createRequire } from 'node:module';

const { main } = await createRequire(import.meta.url)('./bundle.cjs').entry();
process.exitCode = await main(process.argv.slice(2));
