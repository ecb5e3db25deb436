// Node resolve hook: outside Next's bundler `import "server-only"` resolves to a module that throws (only
// Next's react-server layer gets the empty one). Our CLIs, `npm start`'s front door and the tests run server
// code in plain Node, where that import is true by definition, so they get the empty module too.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return nextResolve(specifier, context);
}
