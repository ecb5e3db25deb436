// The team member the end-to-end suite signs in as; created by global-setup through the real CLI.
export const rep = { email: "rep@openhouse.test", password: "correct horse battery staple" };
/** An admin, for what only admins do (webhooks); made by global-setup, then given the admin role. */
export const admin = { email: "admin@openhouse.test", password: "correct horse battery admin" };
