/**
 * The console's own DuckDB instance over a published file: read-only, no file system or network, no
 * extensions, no spill files, one thread and a memory cap, and the configuration locked so no statement
 * can undo any of it. Order matters: DuckDB refuses to change temp settings once external access is off,
 * and everything after lock_configuration.
 */
import { DuckDBInstance } from '@duckdb/node-api'

export interface SandboxLimits {
  readonly threads?: number
  readonly memoryLimit?: string
}

const sandboxConfig = (limits: SandboxLimits = {}): Record<string, string> => ({
  access_mode: 'READ_ONLY',
  temp_directory: '',
  max_temp_directory_size: '0B',
  threads: String(limits.threads ?? 1),
  memory_limit: limits.memoryLimit ?? '256MB',
  max_expression_depth: '250',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false',
  allow_unsigned_extensions: 'false',
  enable_external_access: 'false',
  lock_configuration: 'true',
})

export const openSandbox = (file: string, limits?: SandboxLimits): Promise<DuckDBInstance> =>
  DuckDBInstance.create(file, sandboxConfig(limits))
