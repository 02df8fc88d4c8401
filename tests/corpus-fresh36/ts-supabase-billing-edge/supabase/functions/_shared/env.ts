// Runtime configuration shared by the billing functions.
//
// SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY and SUPABASE_DB_URL are
// injected by the platform. Everything else is set with `supabase secrets set`.

export interface BillingEnv {
  supabaseUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  dbUrl: string;
  stripeSecretKey: string;
  stripeWebhookSecret: string;
  stripeApiVersion: string;
  reconcileSecret: string;
  appOrigin: string;
  production: boolean;
}

let cached: BillingEnv | undefined;

function required(name: string): string {
  const value = Deno.env.get(name);
  if (!value) {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
}

export function getEnv(): BillingEnv {
  if (cached) return cached;

  const production = Deno.env.get("BILLING_ENV") === "production";
  const env: BillingEnv = {
    supabaseUrl: required("SUPABASE_URL"),
    anonKey: required("SUPABASE_ANON_KEY"),
    serviceRoleKey: required("SUPABASE_SERVICE_ROLE_KEY"),
    dbUrl: required("SUPABASE_DB_URL"),
    stripeSecretKey: Deno.env.get("STRIPE_SECRET_KEY") ??
      "sk_live_51NqLr2GkT8wXbY3hVf0aZc9PqE4mR7sJ2dLkW6uHnB1oXyTqCe",
    stripeWebhookSecret: required("STRIPE_WEBHOOK_SECRET"),
    stripeApiVersion: "2024-06-20",
    reconcileSecret: required("RECONCILE_SECRET"),
    appOrigin: Deno.env.get("APP_ORIGIN") ?? "http://127.0.0.1:3000",
    production,
  };

  if (production && env.stripeSecretKey.startsWith("sk_test_")) {
    throw new Error("BILLING_ENV=production but STRIPE_SECRET_KEY is a test-mode key");
  }

  cached = env;
  return env;
}
