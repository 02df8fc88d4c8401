import type {
  IDataObject,
  IExecuteFunctions,
  IHttpRequestOptions,
  INode,
  INodeExecutionData,
  IWebhookFunctions,
} from 'n8n-workflow';

export const testNode: INode = {
  id: '6f1c2b9e-0000-4000-8000-000000000001',
  name: 'Dispatchly',
  type: 'n8n-nodes-dispatchly.dispatchly',
  typeVersion: 1,
  position: [0, 0],
  parameters: {},
};

export const dispatchlyCredentials = {
  baseUrl: 'https://api.dispatchly.test',
  apiKey: 'test-api-key',
  allowUnauthorizedCerts: false,
};

export const pagerlineCredentials = {
  accountSid: 'AC_TEST',
  authToken: 'test-auth-token',
  defaultSender: '+4930000000',
};

type Params = Record<string, unknown>;

export interface ExecuteContextOptions {
  params: Params | Params[];
  items?: INodeExecutionData[];
  responses?: unknown[];
  continueOnFail?: boolean;
  credentials?: IDataObject;
}

export type FakeExecuteContext = IExecuteFunctions & {
  requests: IHttpRequestOptions[];
};

export function createExecuteContext(options: ExecuteContextOptions): FakeExecuteContext {
  const items = options.items ?? [{ json: {} }];
  const responses = [...(options.responses ?? [])];
  const requests: IHttpRequestOptions[] = [];

  const paramsFor = (index: number): Params =>
    Array.isArray(options.params) ? options.params[index] ?? options.params[0] : options.params;

  const context = {
    requests,
    getInputData: () => items,
    getNode: () => testNode,
    continueOnFail: () => options.continueOnFail ?? false,
    getCredentials: async () => options.credentials ?? dispatchlyCredentials,
    getNodeParameter: (name: string, index: number, fallback?: unknown) => {
      const value = paramsFor(index)[name];
      if (value === undefined) {
        if (fallback !== undefined) {
          return fallback;
        }
        throw new Error(`Test did not provide parameter "${name}"`);
      }
      return value;
    },
    helpers: {
      httpRequestWithAuthentication: jest.fn(async (_credentialType: string, request: IHttpRequestOptions) => {
        requests.push(request);
        const next = responses.shift();
        if (next instanceof Error) {
          throw next;
        }
        return next ?? {};
      }),
      returnJsonArray: (data: IDataObject | IDataObject[]) =>
        (Array.isArray(data) ? data : [data]).map(json => ({ json })),
      constructExecutionMetaData: (data: INodeExecutionData[], meta: { itemData: { item: number } }) =>
        data.map(entry => ({ ...entry, pairedItem: meta.itemData })),
      prepareBinaryData: jest.fn(async (buffer: Buffer, fileName: string, mimeType: string) => ({
        data: buffer.toString('base64'),
        fileName,
        mimeType,
      })),
    },
  };
  return context as unknown as FakeExecuteContext;
}

export interface WebhookContextOptions {
  webhookName?: 'default' | 'setup';
  headers?: IDataObject;
  body: IDataObject;
  rawBody?: Buffer;
  params?: Params;
  staticData?: IDataObject;
  query?: IDataObject;
}

export function createWebhookContext(options: WebhookContextOptions) {
  const response = {
    statusCode: 200,
    payload: undefined as unknown,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    type() {
      return this;
    },
    json(payload: unknown) {
      this.payload = payload;
      return this;
    },
    send(payload: unknown) {
      this.payload = payload;
      return this;
    },
    end() {
      return this;
    },
  };
  const params = options.params ?? {};
  const context = {
    getWebhookName: () => options.webhookName ?? 'default',
    getRequestObject: () => ({
      rawBody: options.rawBody ?? Buffer.from(JSON.stringify(options.body)),
    }),
    getResponseObject: () => response,
    getHeaderData: () => options.headers ?? {},
    getBodyData: () => options.body,
    getQueryData: () => options.query ?? {},
    getNodeParameter: (name: string, fallback?: unknown) => params[name] ?? fallback,
    getWorkflowStaticData: () => options.staticData ?? {},
    helpers: {
      returnJsonArray: (data: IDataObject) => [{ json: data }],
    },
  };
  return { context: context as unknown as IWebhookFunctions, response };
}
