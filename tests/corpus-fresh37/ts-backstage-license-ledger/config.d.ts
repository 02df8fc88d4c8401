export interface Config {
  licenseLedger?: {
    vendor: {
      /** Base URL of the license vendor's REST API. */
      baseUrl: string;
      /**
       * API token for the vendor API.
       * @visibility secret
       */
      token?: string;
      /**
       * Accept the self-signed certificate of the vendor's sandbox. Only honoured when
       * `baseUrl` points at sandbox.licensevendor.example; startup fails for any other host.
       * Never set this in production configuration.
       */
      allowInsecureSandboxTls?: boolean;
    };
    webhook: {
      /**
       * Shared secret the vendor uses to sign seat-change webhooks.
       * @visibility secret
       */
      secret: string;
    };
    sync?: {
      frequencyMinutes?: number;
      timeoutMinutes?: number;
    };
    notifications?: {
      /** Incoming-webhook URL of the #it-licenses Slack channel. */
      slackWebhookUrl?: string;
      expiryWarningDays?: number;
    };
    snapshots?: {
      /** Directory where raw vendor responses are archived after every sync. */
      directory?: string;
    };
  };
}
