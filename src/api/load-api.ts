import type { ApiModel } from './model.js'

export interface LoadApiOptions {
  /** Allow `$ref`s to http(s) URLs; off by default. */
  readonly allowRemoteRefs?: boolean
}

/** Loads, validates and normalizes one OpenAPI 2.0/3.0/3.1 document (placeholder). */
export async function loadApi(file: string, _options: LoadApiOptions = {}): Promise<ApiModel> {
  throw new Error(`loadApi not implemented yet: ${file}`)
}
