// `node --import ./scripts/server-only.mjs …`: lets plain Node load modules that say `import "server-only"`.
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
