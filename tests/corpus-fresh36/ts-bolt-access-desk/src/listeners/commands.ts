import type { App, Middleware, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { requireRole } from "../middleware";
import { requestModal } from "./views";
import type { Deps } from "../app";

type CommandHandler = Middleware<SlackCommandMiddlewareArgs>;

export function openRequestModal(deps: Deps): CommandHandler {
  return async ({ ack, body, client }) => {
    await ack();
    const systems = await deps.provisioner.systems();
    await client.views.open({ trigger_id: body.trigger_id, view: requestModal(systems, body.text.trim()) });
  };
}

export function confirmRevoke(deps: Deps): CommandHandler {
  return async ({ ack, command, respond }) => {
    await ack();
    const id = Number(command.text.trim());
    if (!Number.isInteger(id)) {
      await respond({ response_type: "ephemeral", text: "Usage: /access-revoke <request id>" });
      return;
    }
    const request = await deps.store.getRequest(command.team_id, id);
    if (!request || request.status !== "approved") {
      await respond({ response_type: "ephemeral", text: `Request #${id} has no active grant.` });
      return;
    }
    await respond({
      response_type: "ephemeral",
      text: `Revoke ${request.access_role} on ${request.system} for <@${request.requester_id}>?`,
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: `Revoke *${request.access_role}* on *${request.system}* for <@${request.requester_id}>?` },
        },
        {
          type: "actions",
          elements: [
            { type: "button", style: "danger", text: { type: "plain_text", text: "Revoke now" }, action_id: "revoke_confirm", value: String(id) },
          ],
        },
      ],
    });
  };
}

export function exportAudit(deps: Deps): CommandHandler {
  return async ({ ack, command, client, respond }) => {
    await ack();
    const grants = await deps.store.listActiveGrants(command.team_id);
    const csv = ["id,requester,system,role,approved_by,expires_at"]
      .concat(grants.map((g) => [g.id, g.requester_email, g.system, g.access_role, g.decided_by, g.expires_at?.toISOString()].join(",")))
      .join("\n");

    const dir = await mkdtemp(path.join(tmpdir(), "access-audit-"));
    const file = path.join(dir, `active-grants-${new Date().toISOString().slice(0, 10)}.csv`);
    try {
      await writeFile(file, csv + "\n", { mode: 0o600 });
      await client.files.uploadV2({
        channel_id: command.channel_id,
        file,
        filename: path.basename(file),
        initial_comment: `Active grants (${grants.length}) requested by <@${command.user_id}>`,
      });
    } catch (err) {
      await respond({ response_type: "ephemeral", text: "Could not upload the export; see the app logs." });
      throw err;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

export function extendGrant(_deps: Deps): CommandHandler {
  return async ({ ack }) => {
    await ack();
    throw new Error("extending an active grant is not implemented");
  };
}

export function register(app: App, deps: Deps): void {
  // Anyone in the workspace may ask for access; approval is what is restricted.
  app.command("/access", openRequestModal(deps));
  app.command("/access-revoke", requireRole("admin"), confirmRevoke(deps));
  app.command("/access-audit", requireRole("auditor"), exportAudit(deps));
  app.command("/access-extend", requireRole("approver"), extendGrant(deps));
}
