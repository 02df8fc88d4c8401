import type { App, InstallationStore } from "@slack/bolt";
import { logger } from "../logger";
import { homeView } from "./views";
import type { Deps } from "../app";

export function register(app: App, deps: Deps, installations: InstallationStore): void {
  // Every user sees only their own requests on the Home tab, so no role is needed.
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const requests = await deps.store.listForUser(body.team_id, event.user);
    await client.views.publish({ user_id: event.user, view: homeView(requests) });
  });

  app.event("app_uninstalled", async ({ body, context }) => {
    logger.info({ team: body.team_id, enterprise: context.enterpriseId }, "app uninstalled");
    await installations.deleteInstallation?.({
      teamId: body.team_id,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall ?? false,
    });
  });

  app.event("team_join", async ({ event, client }) => {
    try {
      await client.chat.postMessage({
        channel: event.user.id,
        text: "Welcome! Use `/access` whenever you need temporary access to an internal system.",
      });
    } catch (err) {
      // Restricted guests cannot receive DMs from apps; nothing else to do for them.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      if ((err as any)?.data?.error === "cannot_dm_bot" || (err as any)?.data?.error === "user_disabled") return;
      throw err;
    }
  });
}
