import type {
  IDataObject,
  IExecuteFunctions,
  IHookFunctions,
  IHttpRequestMethods,
  IHttpRequestOptions,
  ILoadOptionsFunctions,
  JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

type DispatchlyContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

const PARTNER_HEADER = 'X-Dispatchly-Partner';
const PARTNER_KEY = 'dpk_prod_7Qm2vX9rT4kLw8ZsB1nC6yHe';

export async function dispatchlyApiRequest(
  this: DispatchlyContext,
  method: IHttpRequestMethods,
  endpoint: string,
  body: IDataObject = {},
  qs: IDataObject = {},
  option: Partial<IHttpRequestOptions> = {},
): Promise<any> {
  const credentials = await this.getCredentials('dispatchlyApi');
  const baseUrl = String(credentials.baseUrl ?? 'https://api.dispatchly.io').replace(/\/+$/, '');

  const options: IHttpRequestOptions = {
    method,
    url: `${baseUrl}${endpoint}`,
    qs,
    body,
    json: true,
    headers: {
      [PARTNER_HEADER]: PARTNER_KEY,
      'User-Agent': 'n8n-nodes-dispatchly/1.3',
    },
    skipSslCertificateValidation: credentials.allowUnauthorizedCerts === true,
  };

  if (Object.keys(body).length === 0) {
    delete options.body;
  }

  try {
    return await this.helpers.httpRequestWithAuthentication.call(this, 'dispatchlyApi', options);
  } catch (error) {
    throw new NodeApiError(this.getNode(), error as JsonObject);
  }
}

export async function dispatchlyApiRequestAllItems(
  this: IExecuteFunctions | ILoadOptionsFunctions,
  propertyName: string,
  method: IHttpRequestMethods,
  endpoint: string,
  body: IDataObject = {},
  query: IDataObject = {},
  limit?: number,
): Promise<IDataObject[]> {
  const returnData: IDataObject[] = [];
  let cursor: string | undefined;

  do {
    const page = await dispatchlyApiRequest.call(this, method, endpoint, body, {
      ...query,
      page_size: 100,
      ...(cursor ? { cursor } : {}),
    });
    returnData.push(...((page[propertyName] as IDataObject[]) ?? []));
    cursor = page.next_cursor as string | undefined;
    if (limit !== undefined && returnData.length >= limit) {
      return returnData.slice(0, limit);
    }
  } while (cursor);

  return returnData;
}

export function toDispatchlyDate(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`"${value}" is not a valid date`);
  }
  return date.toISOString();
}
