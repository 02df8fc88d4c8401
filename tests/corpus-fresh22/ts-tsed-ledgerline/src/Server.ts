import {join} from "path";
import {Configuration, Inject} from "@tsed/di";
import {PlatformApplication} from "@tsed/common";
import "@tsed/platform-express";
import "@tsed/ajv";
import "@tsed/passport";
import bodyParser from "body-parser";
import compress from "compression";
import cookieParser from "cookie-parser";
import cors from "cors";
import {env} from "./config/env";
import {AuthController} from "./controllers/AuthController";
import {HealthController} from "./controllers/HealthController";
import {InvoiceController} from "./controllers/InvoiceController";
import {AdminController} from "./controllers/AdminController";
import {WebhookController} from "./controllers/WebhookController";

@Configuration({
  rootDir: __dirname,
  acceptMimes: ["application/json"],
  httpPort: env.port,
  httpsPort: false,
  logger: {
    level: env.logLevel as any,
    disableRoutesSummary: true,
    logRequest: true,
    requestFields: ["reqId", "method", "url", "duration"]
  },
  mount: {
    "/rest": [AuthController, InvoiceController, AdminController],
    "/hooks": [WebhookController],
    "/": [HealthController]
  },
  componentsScan: [join(__dirname, "protocols", "*.ts"), join(__dirname, "services", "*.ts")],
  passport: {
    disableSession: true
  },
  middlewares: [
    cors({origin: [/\.ledgerline\.io$/], credentials: true}),
    cookieParser(),
    compress({}),
    {use: "json-parser", options: {verify: captureRawBody}},
    bodyParser.urlencoded({extended: true})
  ],
  exclude: ["**/*.spec.ts"]
})
export class Server {
  @Inject()
  protected app: PlatformApplication;

  @Configuration()
  protected settings: Configuration;
}

// Webhook signatures are computed over the exact bytes that were sent.
function captureRawBody(req: any, _res: any, buf: Buffer) {
  if (req.originalUrl && req.originalUrl.startsWith("/hooks/")) {
    req.rawBody = buf.toString("utf8");
  }
}
