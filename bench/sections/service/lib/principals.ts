import { PrincipalRegistry } from '@hf/access';
import type { UnitType } from '@hf/domain/alerts/alert';
import { Pool } from 'pg';

export interface BenchUnit {
  id: string;
  type: UnitType;
  municipality: string | null;
}

/** The unit a bench reader or writer acts for: one per function and municipality, like a real deployment. */
export function municipalUnit(type: UnitType, municipality: string): BenchUnit {
  return { id: `bench-${type}-${municipality}`, type, municipality };
}

export function regionalUnit(type: UnitType, name: string): BenchUnit {
  return { id: `bench-${type}-${name}`, type, municipality: null };
}

/**
 * Registers bench units with a system principal and an API key each, through the same registry the CLI uses.
 * Keys are made once per unit and run; only their hashes reach the database.
 */
export class BenchPrincipals {
  private readonly pool: Pool;
  private readonly registry: PrincipalRegistry;
  private readonly keys = new Map<string, Promise<string>>();

  constructor(databaseUrl: string) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
    this.registry = new PrincipalRegistry(this.pool);
  }

  keyFor(unit: BenchUnit): Promise<string> {
    let key = this.keys.get(unit.id);
    if (!key) {
      key = this.issue(unit);
      this.keys.set(unit.id, key);
    }
    return key;
  }

  private async issue(unit: BenchUnit): Promise<string> {
    await this.registry.upsertUnit({ ...unit, name: unit.id });
    const principalId = await this.registry.createPrincipal({
      kind: 'system',
      unitId: unit.id,
      displayName: `${unit.id} (benchmark)`,
    });
    return (await this.registry.issueApiKey(principalId)).apiKey;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
