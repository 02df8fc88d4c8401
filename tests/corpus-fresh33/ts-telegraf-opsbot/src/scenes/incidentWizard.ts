import { Markup, Scenes } from "telegraf";
import type { BotContext } from "../context.js";
import { audit } from "../log.js";

const SEVERITIES = ["sev1", "sev2", "sev3"] as const;

export const INCIDENT_WIZARD = "incident-wizard";

export const incidentWizard = new Scenes.WizardScene<BotContext>(
  INCIDENT_WIZARD,
  async (ctx) => {
    ctx.scene.session.draft = {};
    await ctx.reply("Opening an incident. What is the title? (/cancel to abort)");
    return ctx.wizard.next();
  },
  async (ctx) => {
    if (!ctx.message || !("text" in ctx.message) || ctx.message.text.startsWith("/")) {
      return ctx.reply("Please send the title as text.");
    }
    ctx.scene.session.draft!.title = ctx.message.text.slice(0, 200);
    await ctx.reply(
      "Severity?",
      Markup.keyboard([SEVERITIES.map((s) => s)]).oneTime().resize(),
    );
    return ctx.wizard.next();
  },
  async (ctx) => {
    const text = ctx.message && "text" in ctx.message ? ctx.message.text : "";
    const severity = SEVERITIES.find((s) => s === text);
    if (!severity) {
      return ctx.reply("Pick sev1, sev2 or sev3.");
    }
    const draft = ctx.scene.session.draft!;
    const incident = await ctx.repo.createIncident({
      team: draft.team ?? "platform",
      title: draft.title!,
      severity,
      openedBy: ctx.from!.id,
    });
    audit.info({ event: "incident.open", incident: incident.id, by: ctx.from!.id }, "incident opened");
    await ctx.reply(`Incident #${incident.id} opened (${severity}).`, Markup.removeKeyboard());
    return ctx.scene.leave();
  },
);

incidentWizard.command("cancel", async (ctx) => {
  await ctx.reply("Cancelled.", Markup.removeKeyboard());
  return ctx.scene.leave();
});
