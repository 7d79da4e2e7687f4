// Setup file of every test file (vitest.config.ts): fast-check's seed, and folders tempDir made outside a test go when the
// file's tests are done.
import fc from "fast-check";
import { afterAll } from "vitest";
import { removeFileTemps } from "./temp";

// Property tests draw the same cases on every run, so that CI is red only for a change, never for
// a draw (a failing draw once made a run red). Set FC_SEED to explore others.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261204) });

afterAll(removeFileTemps);
