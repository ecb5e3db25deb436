// Webhooks: alerts out to Slack or any JSON receiver, signed, from a durable outbox; admins only.
import { formatWhen } from "@/components/sales/format";
import { LiveRefresh } from "@/components/sales/LiveRefresh";
import { AddWebhookForm, WebhookToggle } from "@/components/sales/WebhooksAdmin";
import { requireRole } from "@/lib/auth/team-session";
import { type AlertKind, alertLabels } from "@/lib/webhooks/alert-kinds";
import { listWebhooks, recentDeliveries } from "@/lib/webhooks/webhooks";

export const dynamic = "force-dynamic";

export default async function WebhooksPage() {
  await requireRole("webhooks", { next: "/sales/webhooks" });
  const hooks = await listWebhooks();
  const deliveries = await recentDeliveries();
  return (
    <>
      <h1>Webhooks</h1>
      <p className="muted">
        Alerts on hand-raises, new conversations and unanswered messages, delivered within seconds and retried until the receiver answers.
      </p>
      <LiveRefresh on={["handraise", "conversation.message"]} />
      <AddWebhookForm />
      {hooks.length > 0 ? (
        <div className="table-wrap card">
          <table className="visitors-table" data-testid="webhooks">
            <caption className="table-caption">Webhooks</caption>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Format</th>
                <th scope="col">Alerts</th>
                <th scope="col">State</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((hook) => (
                <tr key={hook.id}>
                  <td className="break">{hook.url}</td>
                  <td>{hook.format === "slack" ? "Slack" : "JSON"}</td>
                  <td>{hook.events.map((kind) => alertLabels[kind as AlertKind] ?? kind).join("; ")}</td>
                  <td>{hook.enabled ? "On" : "Off"}</td>
                  <td>
                    <WebhookToggle id={hook.id} enabled={hook.enabled} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="table-wrap card">
        <table className="visitors-table" data-testid="deliveries">
          <caption className="table-caption">Delivery log</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Alert</th>
              <th scope="col">To</th>
              <th scope="col">Outcome</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.length === 0 ? (
              <tr>
                <td colSpan={5}>Nothing sent yet.</td>
              </tr>
            ) : (
              deliveries.map((delivery) => (
                <tr key={delivery.id} data-status={delivery.status}>
                  <td>{formatWhen(delivery.createdAt)}</td>
                  <td>{alertLabels[delivery.kind as AlertKind] ?? delivery.kind}</td>
                  <td className="break">{delivery.url}</td>
                  <td>
                    {delivery.status === "delivered"
                      ? `Delivered (${delivery.lastStatus})`
                      : delivery.status === "failed"
                        ? `Gave up: ${delivery.lastError}`
                        : delivery.attempts === 0
                          ? "Sending…"
                          : `Retrying at ${formatWhen(delivery.nextAttemptAt)}: ${delivery.lastError}`}
                  </td>
                  <td>{delivery.attempts}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
