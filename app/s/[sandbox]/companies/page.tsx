// Companies: every account in the sandbox, searchable by name, industry or website.
import Link from "next/link";
import { formatMoney } from "@/components/pipeline/format";
import { SearchFields } from "@/components/pipeline/SearchFields";
import { searchQuery } from "@/lib/pipeline/address-input";
import { searchCompanies } from "@/lib/pipeline/companies";
import { requireOwnSandbox } from "@/lib/sandbox/request";

type Props = { params: Promise<{ sandbox: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CompaniesPage({ params, searchParams }: Props) {
  const { sandbox: sandboxId } = await params;
  const { db } = await requireOwnSandbox(sandboxId);
  const query = searchQuery((await searchParams).q);
  const companies = searchCompanies(db, query);
  const base = `/s/${sandboxId}`;
  return (
    <div className="list-page">
      <h1>Companies</h1>
      <search>
        <form method="get" action={`${base}/companies`} className="search-form" data-tour="company-search">
          <SearchFields label="Search companies" query={query} placeholder="Name, industry or website" clearHref={`${base}/companies`} />
        </form>
      </search>
      <p className="muted" aria-live="polite">
        {query ? `${companies.length} of the companies match “${query}”` : `${companies.length} companies`}
      </p>
      {companies.length === 0 ? (
        <p>
          No company matches. Try part of a name, such as “north”, or <Link href={`${base}/companies`}>see them all</Link>.
        </p>
      ) : (
        <div className="table-scroll card" data-tour="companies-list">
          <table className="record-table">
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col">Industry</th>
                <th scope="col" className="number">
                  Employees
                </th>
                <th scope="col" className="number">
                  People
                </th>
                <th scope="col" className="number">
                  Open pipeline
                </th>
              </tr>
            </thead>
            <tbody>
              {companies.map((company) => (
                <tr key={company.id}>
                  <th scope="row">
                    <Link href={`${base}/companies/${company.id}`}>{company.name}</Link>
                  </th>
                  <td>{company.industry}</td>
                  <td className="number">{company.employees?.toLocaleString("en-US") ?? "—"}</td>
                  <td className="number">{company.contactCount}</td>
                  <td className="number">
                    {formatMoney(company.openAmount)}
                    <span className="muted"> · {company.openDealCount === 1 ? "1 deal" : `${company.openDealCount} deals`}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
