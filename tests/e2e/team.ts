// The team member the end-to-end suite signs in as; created by global-setup through the real CLI.
export const rep = { email: "rep@openhouse.test", password: "correct horse battery staple" };
