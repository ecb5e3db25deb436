// What a test reads or arranges in the control plane directly (rows it checks, rows it sets up), on whichever
// database the run uses: `s` is this process's store and `t` its tables, looked up on each use (a test may
// install another runtime), built with the same query builder as the query modules.
import { store } from "@/db/control-plane";
import type { Store, Tables } from "@/db/store";

export const s = new Proxy({} as Store, { get: (_, key) => store()[key as keyof Store] });
export const t = new Proxy({} as Tables, { get: (_, key) => store().t[key as keyof Tables] });
