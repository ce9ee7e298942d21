/**
 * Reading a repository file's imports without running it, for the tests that keep import rules
 * (tests/repository/). Paths are relative to the repository root.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, "..");

/** The repository file an import specifier names, or null for a package. */
export function resolveSpecifier(fromFile: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(REPOSITORY_ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(path.join(REPOSITORY_ROOT, fromFile)), specifier);
  else return null;
  const candidates = [
    base,
    ...[".ts", ".tsx", ".mts", ".mjs", ".js"].map((ext) => base + ext),
    ...["index.ts", "index.tsx"].map((name) => path.join(base, name)),
  ];
  const found = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) ?? base;
  return path.relative(REPOSITORY_ROOT, found);
}

/**
 * The specifiers a module imports or re-exports for their values: what a bundler puts in the
 * browser. `import type`, `export type` and imports whose every name is `type` are left out,
 * since they are erased.
 */
export function valueImports(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!onlyTypes) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      // A dynamic import() is a separate chunk, loaded later: not part of the first load.
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Every repository module and package a module reaches through value imports, with the path to each. */
export function reachableImports(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() ?? "";
    const trail = reached.get(file) ?? [];
    const source = fs.readFileSync(path.join(REPOSITORY_ROOT, file), "utf8");
    for (const specifier of valueImports(file, source)) {
      const target = resolveSpecifier(file, specifier) ?? specifier;
      if (reached.has(target)) continue;
      reached.set(target, [...trail, target]);
      if (resolveSpecifier(file, specifier) !== null) queue.push(target);
    }
  }
  return reached;
}
