import { NextResponse } from "next/server";
import { auth, roleOf } from "@/auth";

export default auth((req) => {
  const { pathname } = req.nextUrl;

  if (!req.auth) {
    if (pathname.startsWith("/api/")) {
      return NextResponse.json({ error: "unauthorized" }, { status: 401 });
    }
    const url = new URL("/login", req.nextUrl);
    url.searchParams.set("next", pathname);
    return NextResponse.redirect(url);
  }

  const isAdminArea = pathname.startsWith("/admin") || pathname.startsWith("/api/admin");
  if (isAdminArea && roleOf(req.auth) !== "admin") {
    return NextResponse.json({ error: "forbidden" }, { status: 403 });
  }

  return NextResponse.next();
});

// Health checks and provider webhooks stay outside the session matcher.
export const config = {
  matcher: [
    "/dashboard/:path*",
    "/admin/:path*",
    "/api/appointments/:path*",
    "/api/admin/:path*",
  ],
};
