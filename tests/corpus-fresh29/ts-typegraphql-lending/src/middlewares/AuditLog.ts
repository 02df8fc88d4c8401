import type { MiddlewareFn } from "type-graphql";
import type { Context } from "../auth";
import { AppDataSource } from "../data-source";
import { AuditEntry } from "../entities/Member";
import { logger } from "../logger";

/** Records every mutation a signed-in user runs. Applied with @UseMiddleware. */
export const AuditLog: MiddlewareFn<Context> = async ({ context, info, args }, next) => {
  const result = await next();
  try {
    await AppDataSource.getRepository(AuditEntry).insert({
      actorId: context.user?.id,
      operation: `${info.parentType.name}.${info.fieldName}`,
      variables: args,
    });
  } catch {}
  return result;
};

/** Logs slow resolvers; registered globally in buildSchema. */
export const ResolveTime: MiddlewareFn<Context> = async ({ info, context }, next) => {
  const started = Date.now();
  try {
    return await next();
  } finally {
    const ms = Date.now() - started;
    if (ms > 250) {
      logger.warn("slow resolver", { field: `${info.parentType.name}.${info.fieldName}`, ms, requestId: context.requestId });
    }
  }
};
