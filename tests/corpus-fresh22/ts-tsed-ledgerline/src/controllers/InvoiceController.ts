import {createHash} from "crypto";
import {Controller, Inject} from "@tsed/di";
import {BodyParams, Context, HeaderParams, PathParams, QueryParams, Req, Res} from "@tsed/common";
import {Gone} from "@tsed/exceptions";
import {Authorize} from "@tsed/passport";
import {Enum, Get, Integer, Max, Min, Post, Property, Required, Returns} from "@tsed/schema";
import {InvoiceStatus} from "@prisma/client";
import {InvoiceService} from "../services/InvoiceService";

class CreateInvoiceBody {
  @Required()
  customer: string;

  @Required()
  @Integer()
  @Min(1)
  amountCents: number;

  @Property()
  currency?: string;
}

class VoidBody {
  @Required()
  reason: string;
}

type Principal = {id: string; tenantId: string; role: string};

@Controller("/invoices")
@Authorize("jwt")
export class InvoiceController {
  @Inject()
  protected invoices: InvoiceService;

  @Get("/")
  @Returns(200)
  list(
    @Req("user") user: Principal,
    @QueryParams("status") @Enum("draft", "open", "paid", "void") status?: InvoiceStatus,
    @QueryParams("limit") @Integer() @Max(200) limit = 50
  ) {
    return this.invoices.listForTenant(user.tenantId, status, limit);
  }

  @Get("/:id")
  @Returns(200)
  get(@Req("user") user: Principal, @PathParams("id") id: string) {
    return this.invoices.getForTenant(user.tenantId, id);
  }

  @Post("/")
  @Returns(201)
  create(@Req("user") user: Principal, @BodyParams() body: CreateInvoiceBody) {
    return this.invoices.create(user.tenantId, user.id, body);
  }

  @Post("/:id/void")
  @Returns(200)
  void(@Req("user") user: Principal, @PathParams("id") id: string, @BodyParams() body: VoidBody) {
    return this.invoices.void(user.tenantId, user.id, id, body.reason);
  }

  @Post("/:id/send")
  @Returns(202)
  send(@Req("user") user: Principal, @PathParams("id") id: string) {
    throw new Error("Not implemented");
  }

  @Get("/:id/pdf")
  async pdf(
    @Req("user") user: Principal,
    @PathParams("id") id: string,
    @HeaderParams("if-none-match") ifNoneMatch: string | undefined,
    @Res() res: Res
  ) {
    const invoice = await this.invoices.getForTenant(user.tenantId, id);
    const etag = `"${createHash("sha1").update(`${invoice.id}:${invoice.status}:${invoice.amountCents}`).digest("hex")}"`;

    if (ifNoneMatch === etag) {
      res.status(304).end();
      return;
    }

    const pdf = await this.invoices.renderPdf(invoice);
    res.setHeader("ETag", etag);
    res.setHeader("Content-Type", "application/pdf");
    res.setHeader("Content-Disposition", `inline; filename="invoice-${invoice.number}.pdf"`);
    res.send(pdf);
  }

  // v1 clients were migrated in March; keep the path answering so they get a clear error.
  @Get("/legacy/export")
  legacyExport(@Context() ctx: Context) {
    ctx.response.setHeader("Link", '</rest/invoices>; rel="successor-version"');
    throw new Gone("The v1 export endpoint was retired, use GET /rest/invoices");
  }
}
