import type {
  App,
  BlockAction,
  ButtonAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import { requireRole } from "../middleware";
import { logger } from "../logger";
import { approvalBlocks, DURATIONS, requestModal } from "./views";
import type { Deps } from "../app";

type ButtonHandler = Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>>;

export function submitRequest(deps: Deps): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const [system, accessRole] = (values.target.value.selected_option?.value ?? ":").split(":");
    const hours = Number(values.duration.value.selected_option?.value);
    const reason = (values.reason.value.value ?? "").trim();
    if (!DURATIONS.includes(hours)) {
      await ack({ response_action: "errors", errors: { duration: "Pick one of the listed durations" } });
      return;
    }
    if (reason.length < 10) {
      await ack({ response_action: "errors", errors: { reason: "Give a ticket or a sentence of context" } });
      return;
    }
    await ack();

    const profile = await client.users.info({ user: body.user.id });
    const request = await deps.store.createRequest({
      teamId: body.team?.id ?? "",
      requesterId: body.user.id,
      requesterEmail: profile.user?.profile?.email ?? "",
      system,
      accessRole,
      durationHours: hours,
      reason,
    });
    await client.chat.postMessage({
      channel: deps.config.approvalsChannel,
      text: `Access request #${request.id} from <@${body.user.id}>`,
      blocks: approvalBlocks(request),
    });
  };
}

export function approve(deps: Deps): ButtonHandler {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const teamId = body.team?.id ?? "";
    const request = await deps.store.getRequest(teamId, Number(action.value));
    if (!request || request.status !== "pending") {
      await respond({ replace_original: false, response_type: "ephemeral", text: "This request was already decided." });
      return;
    }
    if (request.requester_id === body.user.id) {
      await respond({ replace_original: false, response_type: "ephemeral", text: "You cannot approve your own request." });
      return;
    }

    const grant = await deps.provisioner.grantAccess(
      request.system,
      request.requester_email,
      request.access_role,
      request.duration_hours,
    );
    const decided = await deps.store.decide(teamId, request.id, "approved", body.user.id, grant.grantRef);
    if (!decided) {
      await deps.provisioner.revokeAccess(grant.grantRef, "concurrent decision");
      return;
    }
    try {
      await deps.store.audit(teamId, body.user.id, "grant.approved", {
        request: request.id,
        system: request.system,
        role: request.access_role,
        grant: grant.grantRef,
      });
    } catch {}

    await respond({ replace_original: true, text: `#${request.id} approved by <@${body.user.id}>` });
    await client.chat.postMessage({
      channel: request.requester_id,
      text: `Your ${request.access_role} access on ${request.system} is active for ${request.duration_hours} h.`,
    });
  };
}

export function deny(deps: Deps): ButtonHandler {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const teamId = body.team?.id ?? "";
    const decided = await deps.store.decide(teamId, Number(action.value), "denied", body.user.id, null);
    if (!decided) {
      await respond({ replace_original: false, response_type: "ephemeral", text: "This request was already decided." });
      return;
    }
    await deps.store.audit(teamId, body.user.id, "grant.denied", { request: decided.id });
    await respond({ replace_original: true, text: `#${decided.id} denied by <@${body.user.id}>` });
    await client.chat.postMessage({ channel: decided.requester_id, text: `Your request #${decided.id} was denied.` });
  };
}

export function revokeConfirmed(deps: Deps): ButtonHandler {
  return async ({ ack, body, action, respond }) => {
    await ack();
    const teamId = body.team?.id ?? "";
    const request = await deps.store.getRequest(teamId, Number(action.value));
    if (!request?.grant_ref) {
      await respond({ response_type: "ephemeral", text: "Nothing to revoke." });
      return;
    }
    await deps.provisioner.revokeAccess(request.grant_ref, `revoked in Slack by ${body.user.id}`);
    await deps.store.markRevoked(teamId, request.id, body.user.id);
    await deps.store.audit(teamId, body.user.id, "grant.revoked", { request: request.id });
    await respond({ replace_original: true, text: `#${request.id} revoked.` });
  };
}

export function openFromShortcut(deps: Deps): Middleware<SlackShortcutMiddlewareArgs> {
  return async ({ ack, shortcut, client }) => {
    await ack();
    const systems = await deps.provisioner.systems();
    await client.views.open({ trigger_id: shortcut.trigger_id, view: requestModal(systems) });
  };
}

export function register(app: App, deps: Deps): void {
  app.view("access_request_modal", submitRequest(deps));
  app.action("approve_request", requireRole("approver"), approve(deps));
  app.action("deny_request", requireRole("approver"), deny(deps));
  app.action("revoke_confirm", revokeConfirmed(deps));

  // Link buttons still send a block_actions payload, which must be acknowledged.
  app.action("open_runbook", async ({ ack }) => {
    await ack();
  });

  // Same modal as /access: requesting is open to everyone.
  app.shortcut("request_access", openFromShortcut(deps));

  app.error(async (error) => {
    logger.error({ err: error }, "unhandled listener error");
  });
}
