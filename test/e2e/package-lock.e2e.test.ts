// `npm install` on a fresh clone must leave `git status` clean (#12): the lock file says what
// package.json says about the package itself, so npm has nothing to rewrite.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../helpers/pages";

it("package-lock.json agrees with package.json on the package's name, version, bin and dependencies", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const root = lock.packages[""];
  expect([lock.name, lock.version]).toEqual([pkg.name, pkg.version]);
  expect(root.bin).toEqual(pkg.bin);
  expect(root.dependencies).toEqual(pkg.dependencies);
  expect(root.devDependencies).toEqual(pkg.devDependencies);
  expect(root.engines).toEqual(pkg.engines);
});
