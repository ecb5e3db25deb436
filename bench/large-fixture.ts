// Writes a demo with a fixture the size the sandbox issue names as typical for a real CRM demo
// (200 companies, 1,000 contacts, 500 deals, 5,000 activities), so copy vs re-seed is compared where it matters.
import fs from "node:fs";
import path from "node:path";
import { stringify } from "yaml";

import { activityKinds as kinds, stages } from "../lib/pipeline/vocabulary";

export function writeLargeDemo(demosDir: string, slug = "bench-large"): string {
  const dir = path.join(demosDir, slug);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join("demos", "pipeline-basics", "demo.yaml"), path.join(dir, "demo.yaml"));
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 15) + offset * 86_400_000).toISOString();
  const companies = Array.from({ length: 200 }, (_, i) => ({
    key: `c${i}`,
    name: `Company ${i} Holdings`,
    industry: `Industry ${i % 17}`,
    employees: 50 + i * 13,
    website: `company${i}.example`,
  }));
  const contacts = Array.from({ length: 1_000 }, (_, i) => ({
    key: `p${i}`,
    company: `c${i % 200}`,
    name: `Person ${i} Example`,
    title: `Title ${i % 23}`,
    email: `person${i}@company${i % 200}.example`,
  }));
  const deals = Array.from({ length: 500 }, (_, i) => ({
    key: `d${i}`,
    company: `c${i % 200}`,
    title: `Deal ${i} for Company ${i % 200}`,
    amount: 1_000 + ((i * 7919) % 250_000),
    stage: stages[i % stages.length],
    owner: `Owner ${i % 9}`,
    closeDate: day((i % 120) - 30).slice(0, 10),
    createdAt: `${day(-(i % 200)).slice(0, 19)}Z`,
  }));
  const activities = Array.from({ length: 5_000 }, (_, i) => ({
    deal: `d${i % 500}`,
    contact: `p${i % 1_000}`,
    kind: kinds[i % kinds.length],
    summary: `Activity ${i}: followed up on pricing, security review and rollout plan`,
    at: `${day(-(i % 90)).slice(0, 19)}Z`,
  }));
  const text = stringify(
    { anchorDate: "2026-01-15", workspace: "Acme Robotics", companies, contacts, deals, activities },
    { lineWidth: 0 },
  );
  fs.writeFileSync(path.join(dir, "fixture.yaml"), text);
  return slug;
}
