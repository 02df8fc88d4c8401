import { LoggerService } from '@backstage/backend-plugin-api';
import { Agent, Dispatcher, fetch } from 'undici';
import { VendorLicenseInput } from '../database/LicenseStore';

type VendorPage = {
  items: Array<{
    licenseId: string;
    publisher: string;
    productName: string;
    costCenter?: string;
    seats: number;
    validUntil?: string;
  }>;
  nextCursor?: string;
};

export class VendorClient {
  private readonly dispatcher?: Dispatcher;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly logger: LoggerService,
    options: { allowInsecureSandboxTls: boolean },
  ) {
    if (options.allowInsecureSandboxTls) {
      this.logger.warn('TLS verification disabled for the vendor sandbox');
      this.dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
    }
  }

  async listLicenses(signal?: AbortSignal): Promise<VendorLicenseInput[]> {
    const result: VendorLicenseInput[] = [];
    let cursor: string | undefined;
    do {
      const url = new URL(`${this.baseUrl}/v3/licenses`);
      url.searchParams.set('limit', '200');
      if (cursor) {
        url.searchParams.set('cursor', cursor);
      }
      const response = await fetch(url, {
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
        },
        dispatcher: this.dispatcher,
        signal,
      });
      if (!response.ok) {
        throw new Error(`Vendor API answered ${response.status} for ${url.pathname}`);
      }
      const page = (await response.json()) as VendorPage;
      for (const item of page.items) {
        result.push({
          id: item.licenseId,
          vendor: item.publisher,
          product: item.productName,
          team: item.costCenter,
          seatLimit: item.seats,
          expiresAt: item.validUntil,
        });
      }
      cursor = page.nextCursor;
    } while (cursor);

    this.logger.info(`Fetched ${result.length} licenses from the vendor`);
    return result;
  }
}
