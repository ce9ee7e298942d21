/**
 * Server actions take FormData or plain JSON values only (README, "Rules of the house"). React can
 * carry a Date, Map, Set, BigInt or a function to an action too, but each of those is one more
 * shape of request the proxy, the fuzz spec and zod have to know; JSON and FormData are the two
 * every action already handles. This reads the parameter types of every export of every
 * "use server" file with the TypeScript compiler and names each one that is neither.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** Every file under `dirs` (relative to `root`) whose first statement is "use server". */
export function serverActionFiles(root: string, dirs: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        /\.tsx?$/.test(entry.name) &&
        !/\.test\.tsx?$/.test(entry.name) &&
        /^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(full, "utf8"))
      ) {
        files.push(full);
      }
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return files.sort();
}

/** Why `type` is not FormData or plain JSON, or null when it is. */
function notPlain(checker: ts.TypeChecker, type: ts.Type, seen: Set<ts.Type>): string | null {
  if (seen.has(type)) return null; // a recursive type: its other branches are checked where first met
  seen.add(type);
  const f = type.flags;
  if (f & ts.TypeFlags.Any) return "any (say unknown and parse it)";
  if (
    f &
    (ts.TypeFlags.Unknown |
      ts.TypeFlags.StringLike |
      ts.TypeFlags.NumberLike |
      ts.TypeFlags.BooleanLike |
      ts.TypeFlags.Null |
      ts.TypeFlags.Undefined |
      ts.TypeFlags.Void)
  ) {
    return null;
  }
  if (f & ts.TypeFlags.BigIntLike) return "bigint";
  if (f & ts.TypeFlags.ESSymbolLike) return "symbol";
  if (type.isUnionOrIntersection()) {
    for (const part of type.types) {
      const why = notPlain(checker, part, seen);
      if (why) return why;
    }
    return null;
  }
  if (!(f & ts.TypeFlags.Object)) return checker.typeToString(type);
  const name = type.getSymbol()?.getName();
  if (name === "FormData") return null;
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    for (const element of checker.getTypeArguments(type as ts.TypeReference)) {
      const why = notPlain(checker, element, seen);
      if (why) return why;
    }
    return null;
  }
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return "a function";
  // A class instance or a built-in object (Date, Map, Set, Promise, Blob…): not plain JSON.
  const declarations = type.getSymbol()?.getDeclarations() ?? [];
  // (Record and Partial are declared there too, but as mapped types: those are checked below.)
  const builtIn = declarations.some(
    (d) => ts.isInterfaceDeclaration(d) && (d.getSourceFile().hasNoDefaultLib || /[\\/]typescript[\\/]lib[\\/]/.test(d.getSourceFile().fileName)),
  );
  if (builtIn || declarations.some(ts.isClassDeclaration)) return checker.typeToString(type);
  for (const property of type.getProperties()) {
    const why = notPlain(checker, checker.getNonNullableType(checker.getTypeOfSymbol(property)), seen);
    if (why) return `${why} (in "${property.getName()}")`;
  }
  for (const index of checker.getIndexInfosOfType(type)) {
    const why = notPlain(checker, index.type, seen);
    if (why) return why;
  }
  return null;
}

/** One line per action parameter that is not FormData or plain JSON. */
export function actionSignatureProblems(program: ts.Program, files: string[], root: string): string[] {
  const checker = program.getTypeChecker();
  const problems: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) {
      problems.push(`${path.relative(root, file)}: not in the program`);
      continue;
    }
    const moduleSymbol = checker.getSymbolAtLocation(source);
    for (const exported of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
      const type = checker.getTypeOfSymbolAtLocation(exported, source);
      for (const signature of type.getCallSignatures()) {
        for (const parameter of signature.getParameters()) {
          const parameterType = checker.getTypeOfSymbolAtLocation(parameter, source);
          const why = notPlain(checker, parameterType, new Set());
          if (why) {
            problems.push(
              `${path.relative(root, file)}: ${exported.getName()}(${parameter.getName()}) takes ${why}; server actions take FormData or plain JSON only (README, "Rules of the house")`,
            );
          }
        }
      }
    }
  }
  return problems;
}

/** A program over `files` with the repository's compiler options. */
export function programFor(root: string, files: string[]): ts.Program {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram(files, { ...parsed.options, incremental: false, noEmit: true });
}
