/** Types of scripts/build-node.mjs, for the tests. */
export const ROOT: string;
export const OUT: string;
export const ENTRY: string;
export const ENTRY_URL: string;
export const BUNDLED: readonly string[];
export function buildNode(): Promise<number>;
export function isBuildFresh(out?: string, root?: string): boolean;
