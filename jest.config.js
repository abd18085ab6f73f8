/** Unit specs (*.spec.ts), PostgreSQL integration (*.int-spec.ts) and HTTP end-to-end (*.e2e-spec.ts). */
const moduleNameMapper = {
  '^@hf/(domain|event-store|platform|projections|access)$': '<rootDir>/libs/$1/src',
  '^@hf/(domain|event-store|platform|projections|access)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform,
  testEnvironment: 'node',
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // One test file at a time: the event feed waits for the oldest running transaction on the whole
  // PostgreSQL server (see README), so files sharing a server would delay each other's feeds and make
  // "caught up" assertions timing-dependent.
  maxWorkers: 1,
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/(apps|libs|test|bench)/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/(apps|libs|test)/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/(apps|libs|test)/**/*.e2e-spec.ts'] },
  ],
};
