import {createHmac} from "crypto";
import {Controller, Inject} from "@tsed/di";
import {BodyParams, Context, HeaderParams, Req} from "@tsed/common";
import {BadRequest, Unauthorized} from "@tsed/exceptions";
import {Post, Returns} from "@tsed/schema";
import {env} from "../config/env";
import {InvoiceService} from "../services/InvoiceService";
import {PaygateClient, SIGNATURE_HEADER} from "../services/PaygateClient";

interface PaygateEvent {
  id: string;
  type: "charge.succeeded" | "charge.failed" | "charge.refunded";
  data: {chargeId: string; metadata: {invoiceId?: string}};
  created: number;
}

const MAX_SKEW_SECONDS = 300;

@Controller("/paygate")
export class WebhookController {
  @Inject()
  protected invoices: InvoiceService;

  @Inject()
  protected paygate: PaygateClient;

  // Called by Paygate; authenticity comes from the signature header, not a user session.
  @Post("/")
  @Returns(204)
  async receive(
    @Req() req: Req & {rawBody?: string},
    @HeaderParams(SIGNATURE_HEADER) signatureHeader: string,
    @BodyParams() event: PaygateEvent,
    @Context() ctx: Context
  ) {
    if (!signatureHeader || !req.rawBody) {
      throw new BadRequest("Missing signature");
    }

    const [tsPart, sigPart] = signatureHeader.split(",");
    const timestamp = Number(tsPart?.replace("t=", ""));
    const signature = sigPart?.replace("v1=", "") ?? "";

    if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_SKEW_SECONDS) {
      throw new Unauthorized("Stale signature");
    }

    const expected = createHmac("sha256", env.paygateWebhookSecret).update(`${timestamp}.${req.rawBody}`).digest("hex");
    if (signature !== expected) {
      throw new Unauthorized("Bad signature");
    }

    ctx.logger.info({event: "paygate.webhook", type: event.type, id: event.id});

    if (event.type === "charge.succeeded" && event.data.metadata.invoiceId) {
      const charge = await this.paygate.getCharge(event.data.chargeId);
      await this.invoices
        .markPaid(event.data.metadata.invoiceId, charge.id, new Date(event.created * 1000))
        .catch(() => undefined);
    }
  }
}
