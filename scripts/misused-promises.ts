// Finds promises used as values where a result was meant: `!load()`, `load() && …`, `load() === x`, `${load()}`.
// tsc catches most misuse (a promise has no .map, `if (load())` is TS2801) and biome's noFloatingPromises
// catches a promise left unawaited, but neither sees these. `npm run lint` runs it.
import path from "node:path";
import ts from "typescript";

const configPath = ts.findConfigFile(process.cwd(), ts.sys.fileExists, "tsconfig.json");
if (!configPath) throw new Error("no tsconfig.json");
const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, path.dirname(configPath));
const program = ts.createProgram(parsed.fileNames, parsed.options);
const checker = program.getTypeChecker();
const valueOperators = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

const isPromise = (node: ts.Node) => {
  const type = checker.getTypeAtLocation(node);
  return [type, ...(type.isUnion() ? type.types : [])].some((part) => part.getSymbol()?.getName() === "Promise");
};

const problems: string[] = [];
for (const file of program.getSourceFiles()) {
  if (file.isDeclarationFile || file.fileName.includes("node_modules")) continue;
  const visit = (node: ts.Node) => {
    const parent = node.parent;
    if (ts.isCallExpression(node) && parent && isPromise(node)) {
      const misused =
        (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) ||
        (ts.isBinaryExpression(parent) &&
          valueOperators.has(parent.operatorToken.kind) &&
          (parent.left === node ||
            (parent.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken &&
              parent.operatorToken.kind !== ts.SyntaxKind.BarBarToken))) ||
        ts.isTemplateSpan(parent);
      if (misused) {
        const { line, character } = file.getLineAndCharacterOfPosition(node.getStart());
        problems.push(
          `${path.relative(process.cwd(), file.fileName)}:${line + 1}:${character + 1} — a promise used as a value: await it first`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}
for (const problem of problems) console.error(problem);
process.exit(problems.length > 0 ? 1 : 0);
