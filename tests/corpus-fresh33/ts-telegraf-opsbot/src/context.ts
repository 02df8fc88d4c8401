import type { Context, Scenes } from "telegraf";
import type { Repo } from "./db.js";
import type { MonitoringClient } from "./monitoring.js";

export interface IncidentDraft {
  title?: string;
  severity?: "sev1" | "sev2" | "sev3";
  team?: string;
}

export interface OpsWizardSession extends Scenes.WizardSessionData {
  draft?: IncidentDraft;
}

export interface OpsSession extends Scenes.WizardSession<OpsWizardSession> {
  lastAlertId?: number;
}

export interface BotContext extends Context {
  session: OpsSession;
  scene: Scenes.SceneContextScene<BotContext, OpsWizardSession>;
  wizard: Scenes.WizardContextWizard<BotContext>;
  repo: Repo;
  monitoring: MonitoringClient;
}
