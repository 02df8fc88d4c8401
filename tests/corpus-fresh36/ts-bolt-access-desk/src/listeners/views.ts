import type { KnownBlock, View } from "@slack/bolt";
import type { AccessRequest } from "../db";

export const DURATIONS = [1, 4, 8, 24, 72];

export function requestModal(systems: { id: string; name: string; roles: string[] }[], preselect = ""): View {
  const options = systems.flatMap((s) =>
    s.roles.map((r) => ({ text: { type: "plain_text" as const, text: `${s.name} – ${r}` }, value: `${s.id}:${r}` })),
  );
  const initial = options.find((o) => o.value.startsWith(`${preselect}:`));
  return {
    type: "modal",
    callback_id: "access_request_modal",
    title: { type: "plain_text", text: "Request access" },
    submit: { type: "plain_text", text: "Submit" },
    blocks: [
      {
        type: "input",
        block_id: "target",
        label: { type: "plain_text", text: "System and role" },
        element: { type: "static_select", action_id: "value", options, ...(initial ? { initial_option: initial } : {}) },
      },
      {
        type: "input",
        block_id: "duration",
        label: { type: "plain_text", text: "For how long" },
        element: {
          type: "static_select",
          action_id: "value",
          options: DURATIONS.map((h) => ({ text: { type: "plain_text", text: `${h} h` }, value: String(h) })),
        },
      },
      {
        type: "input",
        block_id: "reason",
        label: { type: "plain_text", text: "Reason (ticket or incident)" },
        element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 500 },
      },
    ],
  };
}

export function approvalBlocks(r: AccessRequest): KnownBlock[] {
  return [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*#${r.id}* <@${r.requester_id}> requests *${r.access_role}* on *${r.system}* for ${r.duration_hours} h\n>${r.reason}`,
      },
    },
    {
      type: "actions",
      block_id: `decision:${r.id}`,
      elements: [
        { type: "button", style: "primary", action_id: "approve_request", text: { type: "plain_text", text: "Approve" }, value: String(r.id) },
        { type: "button", style: "danger", action_id: "deny_request", text: { type: "plain_text", text: "Deny" }, value: String(r.id) },
        { type: "button", action_id: "open_runbook", text: { type: "plain_text", text: "Runbook" }, url: `https://wiki.internal.corp/access/${r.system}` },
      ],
    },
  ];
}

export function homeView(requests: AccessRequest[]): View {
  const rows: KnownBlock[] = requests.map((r) => ({
    type: "section",
    text: {
      type: "mrkdwn",
      text: `*#${r.id}* ${r.access_role} on ${r.system} – _${r.status}_${r.expires_at ? ` until ${r.expires_at.toISOString()}` : ""}`,
    },
  }));
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "Your access requests" } },
      ...(rows.length ? rows : [{ type: "section", text: { type: "mrkdwn", text: "Nothing yet. Use `/access` to ask for access." } } as KnownBlock]),
    ],
  };
}
