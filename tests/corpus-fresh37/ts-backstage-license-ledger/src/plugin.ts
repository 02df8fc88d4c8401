import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { readLedgerConfig } from './config';
import { LicenseStore } from './database/LicenseStore';
import { createNotifier } from './notify/notifier';
import { licenseLedgerPermissions } from './permissions';
import { createRouter } from './service/router';
import { createSyncRunner } from './tasks/syncLicenses';
import { VendorClient } from './vendor/VendorClient';

export const licenseLedgerPlugin = createBackendPlugin({
  pluginId: 'license-ledger',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
      },
      async init({
        config,
        logger,
        httpRouter,
        httpAuth,
        userInfo,
        permissions,
        permissionsRegistry,
        database,
        scheduler,
      }) {
        const ledgerConfig = readLedgerConfig(config);

        const store = await LicenseStore.create(await database.getClient(), {
          skipMigrations: database.migrations?.skip ?? false,
        });
        const vendor = new VendorClient(
          ledgerConfig.vendorBaseUrl,
          ledgerConfig.vendorToken,
          logger.child({ component: 'vendor-client' }),
          { allowInsecureSandboxTls: ledgerConfig.allowInsecureSandboxTls },
        );
        const runSync = createSyncRunner({
          store,
          vendor,
          notifier: createNotifier(ledgerConfig.slackWebhookUrl, logger),
          logger: logger.child({ task: 'vendor-sync' }),
          snapshotDirectory: ledgerConfig.snapshotDirectory,
          expiryWarningDays: ledgerConfig.expiryWarningDays,
        });

        await scheduler.scheduleTask({
          id: 'license-ledger:vendor-sync',
          frequency: { minutes: ledgerConfig.syncFrequencyMinutes },
          timeout: { minutes: ledgerConfig.syncTimeoutMinutes },
          initialDelay: { seconds: 30 },
          fn: async abortSignal => {
            await runSync(abortSignal);
          },
        });

        permissionsRegistry.addPermissions(licenseLedgerPermissions);

        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            userInfo,
            permissions,
            store,
            webhookSecret: ledgerConfig.webhookSecret,
            runSync: () => runSync(),
          }),
        );

        // Liveness probe used by the platform's uptime checks.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // The vendor cannot obtain Backstage tokens; every delivery is HMAC-signed instead.
        httpRouter.addAuthPolicy({ path: '/webhooks/vendor', allow: 'unauthenticated' });
        // Badges are embedded in team READMEs and only show aggregate seat counts.
        httpRouter.addAuthPolicy({ path: '/badges', allow: 'unauthenticated' });
        // Seat usage board shown on the IT office screen.
        httpRouter.addAuthPolicy({ path: '/usage', allow: 'unauthenticated' });
        // CSV downloads are plain links in the frontend, so the session cookie is accepted.
        httpRouter.addAuthPolicy({ path: '/export', allow: 'user-cookie' });
      },
    });
  },
});
