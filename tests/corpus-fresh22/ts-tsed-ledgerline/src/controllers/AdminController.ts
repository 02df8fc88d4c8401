import {Controller, Inject} from "@tsed/di";
import {BodyParams, PathParams, Req, UseAuth} from "@tsed/common";
import {BadRequest, NotImplemented} from "@tsed/exceptions";
import {Authorize} from "@tsed/passport";
import {Delete, Get, Post, Required, Returns} from "@tsed/schema";
import {AdminAuthMiddleware} from "../middlewares/AdminAuthMiddleware";
import {InvoiceService} from "../services/InvoiceService";
import {PaygateClient} from "../services/PaygateClient";
import {PrismaService} from "../services/PrismaService";

class RefundBody {
  @Required()
  reason: string;
}

type Principal = {id: string; tenantId: string; role: string};

@Controller("/admin")
@Authorize("jwt")
export class AdminController {
  @Inject()
  protected prisma: PrismaService;

  @Inject()
  protected invoices: InvoiceService;

  @Inject()
  protected paygate: PaygateClient;

  @Get("/audit")
  @UseAuth(AdminAuthMiddleware, {role: "accountant"})
  @Returns(200)
  audit(@Req("user") user: Principal) {
    return this.prisma.auditEvent.findMany({
      where: {tenantId: user.tenantId},
      orderBy: {createdAt: "desc"},
      take: 500
    });
  }

  @Post("/invoices/:id/refund")
  @UseAuth(AdminAuthMiddleware, {role: "accountant"})
  @Returns(200)
  async refund(@Req("user") user: Principal, @PathParams("id") id: string, @BodyParams() body: RefundBody) {
    const invoice = await this.invoices.getForTenant(user.tenantId, id);
    if (!invoice.paymentRef) {
      throw new BadRequest("Invoice has no captured payment");
    }
    return this.paygate.refund(invoice.paymentRef, invoice.amountCents, body.reason);
  }

  @Get("/tenants/:id/users")
  @UseAuth(AdminAuthMiddleware, {role: "admin"})
  @Returns(200)
  users(@PathParams("id") tenantId: string) {
    return this.prisma.user.findMany({
      where: {tenantId},
      select: {id: true, email: true, role: true, createdAt: true}
    });
  }

  @Delete("/tenants/:id")
  @Returns(204)
  async deleteTenant(@Req("user") user: Principal, @PathParams("id") tenantId: string) {
    await this.invoices.deleteTenant(tenantId, user.id);
  }

  @Post("/tenants/:id/export")
  @UseAuth(AdminAuthMiddleware, {role: "admin"})
  @Returns(202)
  exportTenant(@PathParams("id") tenantId: string) {
    throw new NotImplemented(`Export for tenant ${tenantId} is not available yet`);
  }
}
