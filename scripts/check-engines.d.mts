/** Types of scripts/check-engines.mjs, for the tests. */
export interface EngineProblem {
  name: string;
  version: string;
  range: string;
  excluded: string[];
}
export function oldestOfEachLine(range: string): string[];
export function supportedNodes(root: string): string[];
export function engineProblems(root: string, nodes?: readonly string[]): EngineProblem[];
