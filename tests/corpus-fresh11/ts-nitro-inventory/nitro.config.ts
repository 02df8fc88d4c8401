import { defineNitroConfig } from 'nitropack/config'

export default defineNitroConfig({
  srcDir: 'server',
  compatibilityDate: '2024-11-01',
  runtimeConfig: {
    // Overridden at runtime by NITRO_SERVICE_TOKEN / NITRO_WEBHOOK_SECRET.
    serviceToken: '',
    webhookSecret: '',
    supplierBaseUrl: 'https://api.supplier-hub.example.com/v2',
  },
  storage: {
    cache: { driver: 'redis', base: 'inventory:cache' },
  },
  routeRules: {
    '/api/reports/**': { cache: { maxAge: 60 } },
  },
})
