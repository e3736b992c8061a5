#!/usr/bin/env node
// Entry point of `npm run bench`. Node.js 24 runs the TypeScript of bench/ directly (type
// stripping); this hook resolves a relative `./x.js` import that does not exist to `./x.ts`, as
// TypeScript's `nodenext` resolution does, so the sources keep their `.js` suffixes.
import { registerHooks } from 'node:module';

const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `bench: needs Node.js 24 (type stripping); this is ${process.version}. Run it with npm run bench.\n`,
  );
  process.exit(2);
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (error?.code === 'ERR_MODULE_NOT_FOUND' && relative && specifier.endsWith('.js')) {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw error;
    }
  },
});

// `npm run bench -- NAME …` runs one of the standalone measurements instead of the table.
const SCRIPTS = {
  'manifest-flood': './manifest-flood.ts',
  'mount-vs-upload': './mount-vs-upload.ts',
};
const [first, ...rest] = process.argv.slice(2);
const script = first !== undefined && Object.hasOwn(SCRIPTS, first) ? SCRIPTS[first] : undefined;
const { main } = await import(script ?? './main.ts');
process.exitCode = await main(script === undefined ? process.argv.slice(2) : rest);
