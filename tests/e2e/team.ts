// The team members the end-to-end suite signs in as; created by global-setup through the real CLI. The first
// member of an empty team becomes admin, so the admin is added first and the rep really is a rep.
export const admin = { email: "admin@openhouse.test", password: "correct horse battery admin", name: "Ada Admin" };
export const rep = { email: "rep@openhouse.test", password: "correct horse battery staple", name: "Riley Rep" };
export const marketer = { email: "marketer@openhouse.test", password: "correct horse battery market", name: "Morgan Marketer" };
