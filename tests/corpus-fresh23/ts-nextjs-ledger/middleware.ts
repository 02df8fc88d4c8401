import { NextResponse } from "next/server";
import { auth } from "@/auth";

// Page routes only. API handlers resolve the session themselves so they can
// answer with JSON 401s instead of redirects.
export default auth((req) => {
  const { nextUrl } = req;

  if (!req.auth) {
    const login = new URL("/login", nextUrl.origin);
    login.searchParams.set("callbackUrl", nextUrl.pathname + nextUrl.search);
    return NextResponse.redirect(login);
  }

  if (nextUrl.pathname.startsWith("/settings/members") && req.auth.user.role !== "admin") {
    return NextResponse.redirect(new URL("/dashboard", nextUrl.origin));
  }

  return NextResponse.next();
});

export const config = {
  matcher: ["/dashboard/:path*", "/invoices/:path*", "/settings/:path*"],
};
