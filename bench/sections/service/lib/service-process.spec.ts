import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freePort, repositoryRoot, serviceEntry } from './service-process';

describe('service launcher helpers', () => {
  it('finds the checkout (package.json and apps/) upwards from the sections, wherever they are compiled to', () => {
    const root = repositoryRoot(__dirname);
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    expect(existsSync(join(root, 'apps', 'api', 'src', 'main.ts'))).toBe(true);
    expect(repositoryRoot(join(root, 'dist', 'bench-service', 'bench', 'sections', 'service', 'lib'))).toBe(
      root,
    );
  });

  it('runs the service compiled next to the bench when there is one, else the one npm run build made', () => {
    const root = mkdtempSync(join(tmpdir(), 'hf-bench-entry-'));
    try {
      const sections = join(root, 'dist', 'bench', 'bench', 'sections', 'service', 'lib');
      mkdirSync(sections, { recursive: true });
      expect(() => serviceEntry('api', root, sections)).toThrow('npm run build');
      mkdirSync(join(root, 'dist', 'apps', 'api', 'src'), { recursive: true });
      writeFileSync(join(root, 'dist', 'apps', 'api', 'src', 'main.js'), '');
      expect(serviceEntry('api', root, sections)).toBe(join(root, 'dist', 'apps', 'api', 'src', 'main.js'));
      mkdirSync(join(root, 'dist', 'bench', 'apps', 'worker', 'src'), { recursive: true });
      writeFileSync(join(root, 'dist', 'bench', 'apps', 'worker', 'src', 'main.js'), '');
      expect(serviceEntry('worker', root, sections)).toBe(
        join(root, 'dist', 'bench', 'apps', 'worker', 'src', 'main.js'),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
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
