import { adminRouter } from "./routers/admin.js";
import { authRouter } from "./routers/auth.js";
import { integrationsRouter } from "./routers/integrations.js";
import { ticketsRouter } from "./routers/tickets.js";
import { createCallerFactory, publicProcedure, router } from "./trpc.js";

export const appRouter = router({
  health: publicProcedure.query(() => ({ ok: true, uptime: Math.round(process.uptime()) })),
  auth: authRouter,
  tickets: ticketsRouter,
  admin: adminRouter,
  integrations: integrationsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
