// The hot list's filters as a plain GET form: the URL holds them (shareable), no client state, no JavaScript.

import { type PersonaId, personaIds, personaLabels } from "@/lib/demos/personas";
import type { HotListFilters } from "@/lib/insights/hot-list-filters";

type Props = { filters: Partial<HotListFilters>; demos: { slug: string; title: string }[] };

export function HotListFilterForm({ filters, demos }: Props) {
  return (
    <form method="get" action="/sales" className="filters card" aria-label="Filter the hot list">
      <label>
        Demo
        <select name="demo" defaultValue={filters.demo ?? ""}>
          <option value="">Any demo</option>
          {demos.map((demo) => (
            <option key={demo.slug} value={demo.slug}>
              {demo.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Active from
        <input type="date" name="from" defaultValue={filters.from ?? ""} />
      </label>
      <label>
        to
        <input type="date" name="to" defaultValue={filters.to ?? ""} />
      </label>
      <label>
        Who
        <select name="who" defaultValue={filters.who ?? "all"}>
          <option value="all">Accounts and anonymous visitors</option>
          <option value="accounts">Accounts only</option>
          <option value="anonymous">Anonymous visitors only</option>
        </select>
      </label>
      <label>
        Role chosen
        <select name="persona" defaultValue={filters.persona ?? ""}>
          <option value="">Any role</option>
          {personaIds.map((id: PersonaId) => (
            <option key={id} value={id}>
              {personaLabels[id]}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" name="hand" value="1" defaultChecked={filters.hand === "1"} /> Raised a hand
      </label>
      <label className="check">
        <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine === "1"} /> My accounts
      </label>
      <button type="submit">Apply filters</button>
    </form>
  );
}
