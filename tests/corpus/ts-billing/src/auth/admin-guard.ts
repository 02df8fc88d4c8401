// Admin-only routes: the caller must carry the admin role.
import type { NextFunction, Request, Response } from "express";

// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  const user = (req as Request & { user?: { roles: string[] } }).user;
  if (!user || !user.roles.includes("admin")) {
    res.status(403).json({ error: "forbidden" });
    return;
  }
  next();
}
