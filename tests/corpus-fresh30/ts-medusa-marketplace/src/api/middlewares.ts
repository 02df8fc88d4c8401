import { authenticate, defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http";
import { z } from "zod";

export const CreateVendorSchema = z.object({
  name: z.string().min(2),
  handle: z.string().regex(/^[a-z0-9-]+$/).optional(),
  logo: z.string().url().optional(),
  admin: z.object({
    email: z.string().email(),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
  }),
});

export const CreateVendorProductSchema = z.object({
  title: z.string().min(1),
  description: z.string().optional(),
  handle: z.string().optional(),
  options: z.array(z.object({ title: z.string(), values: z.array(z.string()) })),
  variants: z.array(
    z.object({
      title: z.string(),
      sku: z.string().optional(),
      options: z.record(z.string()),
      prices: z.array(z.object({ amount: z.number().int().positive(), currency_code: z.string().length(3) })),
    }),
  ),
});

export const UpdateVendorProductSchema = z.object({
  title: z.string().min(1).optional(),
  description: z.string().optional(),
  status: z.enum(["draft", "proposed"]).optional(),
});

export default defineMiddlewares({
  routes: [
    {
      // Signing up creates the vendor actor, so the auth identity exists but
      // is not yet attached to a vendor admin.
      matcher: "/vendors",
      method: ["POST"],
      middlewares: [
        authenticate("vendor", ["session", "bearer"], { allowUnregistered: true }),
        validateAndTransformBody(CreateVendorSchema),
      ],
    },
    {
      matcher: "/vendors/me",
      middlewares: [authenticate("vendor", ["session", "bearer"])],
    },
    {
      matcher: "/vendors/products",
      method: ["GET"],
      middlewares: [authenticate("vendor", ["session", "bearer"])],
    },
    {
      matcher: "/vendors/products",
      method: ["POST"],
      middlewares: [
        authenticate("vendor", ["session", "bearer"]),
        validateAndTransformBody(CreateVendorProductSchema),
      ],
    },
    {
      matcher: "/vendors/products/:id",
      method: ["POST"],
      middlewares: [
        authenticate("vendor", ["session", "bearer"]),
        validateAndTransformBody(UpdateVendorProductSchema),
      ],
    },
    {
      matcher: "/hooks/payrail",
      method: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
  ],
});
