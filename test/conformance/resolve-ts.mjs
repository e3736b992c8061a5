// Lets Node 24 run the TypeScript sources directly (type stripping): a relative `./x.js` import
// that does not exist resolves to `./x.ts`, as TypeScript's `nodenext` resolution does.
// Usage: node --import ./test/conformance/resolve-ts.mjs test/conformance/cli.ts
import { registerHooks } from 'node:module';

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
