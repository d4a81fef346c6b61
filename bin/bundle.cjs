// The fast start: the CLI as one bundled file (built into dist/bundle/ by scripts/build.ts,
// which `npm ci` runs) instead of ~100 TypeScript modules compiled through tsx, with a V8 code
// cache for the bundle and the CommonJS packages it loads. Node 20 has no compile cache of its
// own (module.enableCompileCache came in Node 22), so every start compiled all of it again.
// The bundle is used only while it is fresh: built from the sources as they are now.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'bundle');
const BUNDLE = 'tuangou.cjs';
const INPUTS = 'inputs.json';
const CODE_CACHE_PREFIX = 'code-cache-';

/** What a file's freshness is judged by: size and modification time. */
const stampOf = (file) => {
  const s = fs.statSync(file);
  return `${s.size}:${s.mtimeMs}`;
};

function sameStamp(file, stamp) {
  try {
    return stampOf(file) === stamp;
  } catch {
    return false;
  }
}

/** The `require` Node gives a module: relative to it, and recording it as the parent. */
function requireFor(mod) {
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

/** True when `dir` holds a bundle built from the files as they are now (sizes and times unchanged). */
function fresh(dir = DIST) {
  try {
    const { inputs } = JSON.parse(fs.readFileSync(path.join(dir, INPUTS), 'utf8'));
    return Object.entries(inputs).every(([file, stamp]) => sameStamp(path.join(ROOT, file), stamp));
  } catch {
    return false; // no bundle, or one being built
  }
}

/**
 * V8 accepts cached code only under the V8 version and flags it was made with (writer processes
 * with a capped heap differ), so each has a file of its own instead of overwriting the other's.
 */
const codeCacheFile = (dir) => path.join(dir, `${CODE_CACHE_PREFIX}${v8.cachedDataVersionTag()}.bin`);

/**
 * Loads the bundle in `dir` and returns its exports. From now on this process compiles the
 * bundle and every CommonJS file under node_modules with the code cached for it, and, when
 * something had no usable cache, writes the cache anew as it exits (atomically: a process
 * killed meanwhile leaves the old one).
 */
function load(dir = DIST) {
  const bundle = path.resolve(dir, BUNDLE); // absolute, or require() would take it for a package name
  const cacheFile = codeCacheFile(path.dirname(bundle));
  let cached = new Map();
  try {
    cached = v8.deserialize(fs.readFileSync(cacheFile));
  } catch {
    // none yet: compile as usual and write one
  }
  const compiled = new Map();
  let missed = false;
  const nodeModules = `${path.sep}node_modules${path.sep}`;
  const original = Module.prototype._compile;
  Module.prototype._compile = function (content, filename, format) {
    if (format === 'module' || (filename !== bundle && !filename.includes(nodeModules))) return original.apply(this, arguments);
    // V8 checks only the source's length against cached code, so the file's size and time decide.
    const stamp = stampOf(filename);
    const entry = cached.get(filename);
    let script;
    try {
      script = new vm.Script(Module.wrap(content.replace(/^#!/, '//')), {
        filename,
        cachedData: entry && entry.stamp === stamp ? entry.data : undefined,
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch {
      // e.g. ES module syntax in a package without "type": Node itself knows what to do
      return original.apply(this, arguments);
    }
    if (script.cachedDataRejected !== false) missed = true;
    compiled.set(filename, { script, stamp });
    const wrapper = script.runInThisContext();
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    if (!missed) return;
    // Entries of packages this command did not load stay for the commands that do, unless
    // their file is gone or changed.
    const next = new Map([...cached].filter(([file, entry]) => !compiled.has(file) && sameStamp(file, entry.stamp)));
    for (const [file, { script, stamp }] of compiled) next.set(file, { stamp, data: script.createCachedData() });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, v8.serialize(next));
      fs.renameSync(tmp, cacheFile);
    } catch {
      fs.rmSync(tmp, { force: true }); // a read-only install runs without a cache
    }
  });
  return require(bundle);
}

/**
 * The CLI's entry ({ main, writeTask }): the bundle while fresh, else the sources through tsx.
 * TUANGOU_FROM_SOURCES=1 asks for the sources, e.g. for stack traces that name them.
 */
async function entry() {
  if (process.env.TUANGOU_FROM_SOURCES !== '1' && fresh()) return load();
  (await import('tsx/esm/api')).register();
  return import('../src/cli/bundle.ts');
}

module.exports = { entry, fresh, load, stampOf, DIST, BUNDLE, INPUTS, CODE_CACHE_PREFIX };
