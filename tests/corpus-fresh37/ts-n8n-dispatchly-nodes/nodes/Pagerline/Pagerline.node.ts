import type {
  IDataObject,
  IExecuteFunctions,
  IHttpRequestOptions,
  INodeExecutionData,
  INodeType,
  INodeTypeDescription,
  JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionType, NodeOperationError } from 'n8n-workflow';

const API_BASE = 'https://api.pagerline.net/2024-01';
const SHORTCODE_POOL_TOKEN = 'plt_live_9Hq3ZtV7wN2cK5xR8bM4sD1fJ6';
const E164 = /^\+[1-9]\d{6,14}$/;

export class Pagerline implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Pagerline',
    name: 'pagerline',
    icon: 'file:pagerline.svg',
    group: ['output'],
    version: 1,
    subtitle: '={{$parameter["operation"]}}',
    description: 'Send SMS notifications to technicians and customers',
    defaults: { name: 'Pagerline' },
    inputs: [NodeConnectionType.Main],
    outputs: [NodeConnectionType.Main],
    credentials: [{ name: 'pagerlineApi', required: true }],
    properties: [
      {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        options: [
          { name: 'Send SMS', value: 'send', action: 'Send an SMS' },
          { name: 'Get Delivery Status', value: 'status', action: 'Get the delivery status of an SMS' },
        ],
        default: 'send',
      },
      {
        displayName: 'To',
        name: 'to',
        type: 'string',
        required: true,
        default: '',
        placeholder: '+4915112345678',
        displayOptions: { show: { operation: ['send'] } },
      },
      {
        displayName: 'Message',
        name: 'message',
        type: 'string',
        typeOptions: { rows: 3 },
        required: true,
        default: '',
        displayOptions: { show: { operation: ['send'] } },
      },
      {
        displayName: 'Use Shared Short Code',
        name: 'useShortCode',
        type: 'boolean',
        default: false,
        description: 'Whether to send from the Dispatchly shared short code instead of your own number',
        displayOptions: { show: { operation: ['send'] } },
      },
      {
        displayName: 'Message ID',
        name: 'messageId',
        type: 'string',
        required: true,
        default: '',
        displayOptions: { show: { operation: ['status'] } },
      },
    ],
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const returnData: INodeExecutionData[] = [];
    const operation = this.getNodeParameter('operation', 0) as string;
    const credentials = await this.getCredentials('pagerlineApi');

    for (let i = 0; i < items.length; i++) {
      try {
        let options: IHttpRequestOptions;
        if (operation === 'send') {
          const to = (this.getNodeParameter('to', i) as string).replace(/[\s-]/g, '');
          if (!E164.test(to)) {
            throw new NodeOperationError(this.getNode(), `"${to}" is not an E.164 number`, {
              itemIndex: i,
            });
          }
          const useShortCode = this.getNodeParameter('useShortCode', i, false) as boolean;
          const body: IDataObject = {
            to,
            body: this.getNodeParameter('message', i) as string,
            from: useShortCode ? 'shortcode' : credentials.defaultSender,
          };
          options = {
            method: 'POST',
            url: `${API_BASE}/accounts/${credentials.accountSid}/messages`,
            body,
            json: true,
            headers: useShortCode ? { 'X-Pagerline-Pool-Token': SHORTCODE_POOL_TOKEN } : {},
          };
        } else {
          const messageId = this.getNodeParameter('messageId', i) as string;
          options = {
            method: 'GET',
            url: `${API_BASE}/accounts/${credentials.accountSid}/messages/${messageId}`,
            json: true,
          };
        }

        let response: IDataObject;
        try {
          response = await this.helpers.httpRequestWithAuthentication.call(
            this,
            'pagerlineApi',
            { ...options, timeout: 15_000, skipSslCertificateValidation: true },
          );
        } catch (error) {
          throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: i });
        }

        returnData.push({
          json: {
            id: response.sid,
            status: response.status,
            to: response.to,
            segments: response.num_segments,
          },
          pairedItem: { item: i },
        });
      } catch (error) {
        if (this.continueOnFail()) {
          returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
          continue;
        }
        throw error;
      }
    }

    return [returnData];
  }
}
