// "New deal" in the sample product.
import Link from "next/link";
import { NewDealForm } from "@/components/pipeline/NewDealForm";
import { listCompanies } from "@/lib/pipeline/pipeline";
import { requireOwnSandbox } from "@/lib/sandbox/request";
import { createDealAction } from "../../actions";

export default async function NewDealPage({ params }: { params: Promise<{ sandbox: string }> }) {
  const { sandbox: sandboxId } = await params;
  const { db } = await requireOwnSandbox(sandboxId);
  return (
    <div className="new-deal">
      <p>
        <Link href={`/s/${sandboxId}`}>← Deals board</Link>
      </p>
      <h1>New deal</h1>
      <NewDealForm companies={listCompanies(db)} action={createDealAction.bind(null, sandboxId)} />
    </div>
  );
}
