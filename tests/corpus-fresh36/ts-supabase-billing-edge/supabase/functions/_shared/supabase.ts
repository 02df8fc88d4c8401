import { createClient, type SupabaseClient } from "npm:@supabase/supabase-js@2";
import { getEnv } from "./env.ts";

/**
 * A client that acts as the caller: PostgREST receives the caller's JWT, so row level
 * security applies exactly as it does in the browser.
 */
export function createUserClient(req: Request): SupabaseClient {
  const env = getEnv();
  return createClient(env.supabaseUrl, env.anonKey, {
    global: { headers: { Authorization: req.headers.get("Authorization") ?? "" } },
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

/** A client without a caller, for public reads that RLS grants to the anon role. */
export function createAnonClient(): SupabaseClient {
  const env = getEnv();
  return createClient(env.supabaseUrl, env.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

let admin: SupabaseClient | undefined;

/**
 * Service-role client. It bypasses RLS, so callers must have authorized the request
 * themselves before using it.
 */
export function createAdminClient(): SupabaseClient {
  if (!admin) {
    const env = getEnv();
    admin = createClient(env.supabaseUrl, env.serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
  }
  return admin;
}
