export interface AppConfig {
  env: string;
  auth: { jwtSecret: string; internalApiKey: string };
  stripe: { apiToken: string; webhookSigningSecret?: string; apiVersion: string };
  features: { peppol: boolean; pdfRenderer: boolean };
  pagination: { defaultPageSize: number; maxPageSize: number };
}

const bool = (v: string | undefined, fallback = false): boolean =>
  v === undefined ? fallback : ['1', 'true', 'on', 'yes'].includes(v.toLowerCase());

export default (): AppConfig => ({
  env: process.env.NODE_ENV ?? 'development',
  auth: {
    // dev default only; the helm chart always injects JWT_SECRET
    jwtSecret: process.env.JWT_SECRET ?? 'changeme',
    internalApiKey: process.env.INTERNAL_API_KEY ?? '',
  },
  stripe: {
    apiToken:
      process.env.STRIPE_API_TOKEN ??
      'sk_live_51NqZ8kHf3vT0xW2pLr9cYd7EaQm4sJb6uKt1oGv8iXe5RnzP0wAy3Lh2MdCjF7bQ',
    webhookSigningSecret: process.env.STRIPE_WEBHOOK_SECRET,
    apiVersion: '2023-10-16',
  },
  features: {
    peppol: bool(process.env.FEATURE_PEPPOL),
    pdfRenderer: bool(process.env.FEATURE_PDF_RENDERER),
  },
  pagination: {
    defaultPageSize: Number(process.env.DEFAULT_PAGE_SIZE ?? 50),
    maxPageSize: 200,
  },
});
