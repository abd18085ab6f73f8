import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freePort, repositoryRoot } from './service-process';

describe('service launcher helpers', () => {
  it('finds the checkout (package.json and apps/) upwards from the sections, wherever they are compiled to', () => {
    const root = repositoryRoot(__dirname);
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    expect(existsSync(join(root, 'apps', 'api', 'src', 'main.ts'))).toBe(true);
    expect(repositoryRoot(join(root, 'dist', 'bench-service', 'bench', 'sections', 'service', 'lib'))).toBe(
      root,
    );
  });

  it('hands out a port nothing listens on, which a server can then take', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});
