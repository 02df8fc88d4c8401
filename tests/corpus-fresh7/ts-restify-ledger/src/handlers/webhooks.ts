import type { Next, Request, Response } from "restify";
import { BadRequestError, InternalServerError } from "restify-errors";

import type { LedgerStore } from "../db";

interface PartnerEvent {
  id: string;
  type: string;
  accountId: string;
}

export function webhookHandlers(store: LedgerStore) {
  async function partnerEvent(req: Request, res: Response, next: Next) {
    const event = req.body as PartnerEvent | undefined;
    if (!event?.id || !event.accountId) {
      return next(new BadRequestError("malformed event"));
    }
    try {
      await store.writeAudit({
        actor: "partner",
        action: `partner.${event.type}`,
        subject: event.accountId,
      });
    } catch (err) {
      req.log.error({ err, eventId: event.id }, "failed to persist partner event");
      return next(new InternalServerError("could not persist event"));
    }
    res.send(202, { accepted: event.id });
    return next();
  }

  return { partnerEvent };
}
