// `npm run signals:purge`: fold and delete raw events older than RETENTION_DAYS now, instead of waiting
// for the hourly run inside `npm start`.
import { closeControlDb, migrateControlDb } from "@/db/client";
import { config } from "@/lib/config";
import { purgeExpiredEvents } from "@/lib/signals/retention";

migrateControlDb();
const { purged } = purgeExpiredEvents();
console.log(`purged ${purged} raw events older than ${config.retentionDays} days (their daily counts are kept)`);
closeControlDb();
