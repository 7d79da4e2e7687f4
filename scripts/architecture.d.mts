// Types of scripts/architecture.mjs, for the test that holds the tree to it.
export interface Import {
  to: string;
  typeOnly: boolean;
}
export interface FileNode {
  local: Import[];
  world: string[];
}
export type Graph = Map<string, FileNode>;
export const LAYERS: { name: string; match: RegExp }[];
export function layerOf(path: string): number | undefined;
export function importsOf(source: string): { imports: { specifier: string; typeOnly: boolean }[]; usesWorldGlobals: boolean };
export function graphOf(sources: Iterable<[string, string]>): Graph;
export function readGraph(root: string): Graph;
export function upwardArrows(graph: Graph): string[];
export function circles(graph: Graph): string[][];
export function worldOutsideIo(graph: Graph): string[];
export function ioImportingAbove(graph: Graph): string[];
