// Setup file of every test file (vitest.config.ts): folders tempDir made outside a test go when the
// file's tests are done.
import { afterAll } from "vitest";
import { removeFileTemps } from "./temp";

afterAll(removeFileTemps);
