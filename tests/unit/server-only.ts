// Vitest runs server modules in plain Node, where `import "server-only"` is true by definition: this empty
// module stands in for the package's throwing one (only Next's react-server layer gets its empty module).
export {};
