import crypto from "node:crypto";
import type { Request as ExpressRequest } from "express";
import { Body, Controller, Header, Post, Request, Route, Tags } from "tsoa";
import { config } from "../config";
import { InvoiceService } from "../services/invoiceService";
import { childLogger } from "../lib/logger";

const log = childLogger("payments-webhook");

interface PaymentEvent {
  id: string;
  type: "payment.succeeded" | "payment.failed" | "payment.refunded";
  data: {
    reference: string;
    amountCents: number;
    currency: string;
  };
}

type RawBodyRequest = ExpressRequest & { rawBody?: Buffer };

export function verifySignature(rawBody: Buffer, signatureHeader: string | undefined, secret: string): boolean {
  if (!signatureHeader) {
    return false;
  }
  const expected = crypto.createHmac("sha256", secret).update(rawBody).digest();
  const provided = Buffer.from(signatureHeader.replace(/^sha256=/, ""), "hex");
  if (expected.length !== provided.length) {
    return false;
  }
  return crypto.timingSafeEqual(expected, provided);
}

@Route("webhooks")
@Tags("Webhooks")
export class WebhookController extends Controller {
  private readonly invoices = new InvoiceService();

  @Post("payments")
  public async payments(
    @Request() req: RawBodyRequest,
    @Header("x-payments-signature") signature: string | undefined,
    @Body() event: PaymentEvent,
  ): Promise<{ received: boolean }> {
    if (!req.rawBody || !verifySignature(req.rawBody, signature, config.webhookSigningSecret)) {
      this.setStatus(401);
      return { received: false };
    }

    if (event.type === "payment.succeeded") {
      try {
        await this.invoices.markPaidByReference(event.data.reference, event.data.amountCents);
      } catch (err) {
        log.warn({ err, event: event.id }, "could not apply payment");
      }
    } else {
      log.info({ event: event.id, type: event.type }, "ignoring payment event");
    }
    return { received: true };
  }
}
