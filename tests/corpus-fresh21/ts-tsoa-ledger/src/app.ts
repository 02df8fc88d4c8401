import express, { NextFunction, Request, Response } from "express";
import mongoose from "mongoose";
import pinoHttp from "pino-http";
import swaggerUi from "swagger-ui-express";
import { ValidateError } from "tsoa";
import { AuthError } from "./authentication";
import { config } from "./config";
import { RegisterRoutes } from "./generated/routes";
import { logger } from "./lib/logger";
import { ConflictError, NotFoundError } from "./services/invoiceService";

export function buildApp(): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(pinoHttp({ logger }));
  app.use(
    express.json({
      limit: "1mb",
      verify: (req, _res, buf) => {
        (req as Request & { rawBody?: Buffer }).rawBody = Buffer.from(buf);
      },
    }),
  );

  if (config.env !== "production") {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const spec = require("./generated/swagger.json");
    app.use("/docs", swaggerUi.serve, swaggerUi.setup(spec));
  }

  RegisterRoutes(app);

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ message: "not found" });
  });

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof ValidateError) {
      res.status(422).json({ message: "validation failed", details: err.fields });
      return;
    }
    if (err instanceof AuthError) {
      res.status(err.status).json({ message: err.message });
      return;
    }
    if (err instanceof NotFoundError || err instanceof ConflictError) {
      res.status(err.status).json({ message: err.message });
      return;
    }
    req.log.error({ err }, "unhandled error");
    res.status(500).json({ message: "internal error" });
  });

  return app;
}

export async function connectMongo(url = config.mongoUrl): Promise<typeof mongoose> {
  return mongoose.connect(url, {
    serverSelectionTimeoutMS: 5000,
    tls: config.env === "production",
    tlsAllowInvalidCertificates: false,
  });
}

if (require.main === module) {
  connectMongo()
    .then(() => {
      const app = buildApp();
      app.listen(config.port, () => logger.info({ port: config.port }, "ledger-api listening"));
    })
    .catch((err) => {
      logger.fatal({ err }, "failed to start");
      process.exit(1);
    });
}
