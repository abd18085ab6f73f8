/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload hook, loaded before any TypeScript */
/**
 * Lets a child process run the TypeScript sources directly (`node -r ./ts-register.js entry.ts`), the way
 * ts-jest runs them in the tests: each file is transpiled on its own (isolatedModules, no type check) and the
 * `@hf/*` path aliases of tsconfig.json are resolved. Only for test child processes; production runs `dist`.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..', '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions = {
  ...options,
  module: ts.ModuleKind.CommonJS,
  isolatedModules: true,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: false,
};

const aliases = Object.entries(config.compilerOptions.paths).map(([pattern, [target]]) => ({
  prefix: pattern.replace(/\*$/, ''),
  wildcard: pattern.endsWith('*'),
  target: path.join(root, target.replace(/\*$/, '')),
}));

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const alias of aliases) {
    if (alias.wildcard ? request.startsWith(alias.prefix) : request === alias.prefix) {
      const mapped = alias.wildcard
        ? path.join(alias.target, request.slice(alias.prefix.length))
        : alias.target;
      return resolve.call(this, mapped, ...rest);
    }
  }
  return resolve.call(this, request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
