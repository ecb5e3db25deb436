// `npm run signals:purge`: fold and delete raw events older than RETENTION_DAYS now, instead of waiting
// for the hourly run inside `npm start`.
import { migrateControlPlane } from "@/db/control-plane";
import { runtime } from "@/lib/runtime/runtime";
import { purgeExpiredEvents } from "@/lib/signals/retention";

await migrateControlPlane();
const { purged } = await purgeExpiredEvents();
console.log(`purged ${purged} raw events older than ${runtime().config.retentionDays} days (their daily counts are kept)`);
await runtime().close();
