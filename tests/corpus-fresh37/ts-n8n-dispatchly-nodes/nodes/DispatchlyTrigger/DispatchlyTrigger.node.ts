import { randomBytes } from 'node:crypto';
import type {
  IDataObject,
  IHookFunctions,
  INodeType,
  INodeTypeDescription,
  IWebhookFunctions,
  IWebhookResponseData,
  JsonObject,
} from 'n8n-workflow';
import { NodeConnectionType } from 'n8n-workflow';
import { dispatchlyApiRequest } from '../Dispatchly/GenericFunctions';
import { isValidSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../shared/signature';

interface DispatchlyWebhookData {
  webhookId?: string;
  secret?: string;
}

export class DispatchlyTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Dispatchly Trigger',
    name: 'dispatchlyTrigger',
    icon: 'file:dispatchly.svg',
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["events"].join(", ")}}',
    description: 'Starts the workflow when Dispatchly job events occur',
    defaults: { name: 'Dispatchly Trigger' },
    inputs: [],
    outputs: [NodeConnectionType.Main],
    credentials: [{ name: 'dispatchlyApi', required: true }],
    webhooks: [
      { name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
      { name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
    ],
    properties: [
      {
        displayName: 'Events',
        name: 'events',
        type: 'multiOptions',
        required: true,
        options: [
          { name: 'Job Created', value: 'job.created' },
          { name: 'Job Status Changed', value: 'job.status_changed' },
          { name: 'Job Completed', value: 'job.completed' },
        ],
        default: ['job.completed'],
      },
      {
        displayName: 'Verification',
        name: 'verification',
        type: 'options',
        options: [
          {
            name: 'HMAC Signature',
            value: 'signature',
            description: 'Dispatchly signs every delivery with the secret n8n registers',
          },
          {
            name: 'Shared Header Secret',
            value: 'headerSecret',
            description: 'For Dispatchly on-premises 4.x, which only supports a static header',
          },
        ],
        default: 'signature',
      },
      {
        displayName: 'Header Secret',
        name: 'headerSecret',
        type: 'string',
        typeOptions: { password: true },
        default: '',
        displayOptions: { show: { verification: ['headerSecret'] } },
      },
    ],
  };

  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        const webhookData = this.getWorkflowStaticData('node') as DispatchlyWebhookData;
        const webhookUrl = this.getNodeWebhookUrl('default') as string;
        if (!webhookData.webhookId) {
          return false;
        }
        try {
          const existing = await dispatchlyApiRequest.call(
            this,
            'GET',
            `/v2/webhooks/${webhookData.webhookId}`,
          );
          return existing.url === webhookUrl && existing.active === true;
        } catch (error) {
          if ((error as JsonObject).httpCode === '404') {
            delete webhookData.webhookId;
            delete webhookData.secret;
            return false;
          }
          throw error;
        }
      },

      async create(this: IHookFunctions): Promise<boolean> {
        const webhookData = this.getWorkflowStaticData('node') as DispatchlyWebhookData;
        const events = this.getNodeParameter('events') as string[];
        const secret = randomBytes(32).toString('hex');
        const response = await dispatchlyApiRequest.call(this, 'POST', '/v2/webhooks', {
          url: this.getNodeWebhookUrl('default'),
          events,
          signing_secret: secret,
          description: `n8n workflow ${this.getWorkflow().id}`,
        });
        webhookData.webhookId = response.id as string;
        webhookData.secret = secret;
        return true;
      },

      async delete(this: IHookFunctions): Promise<boolean> {
        const webhookData = this.getWorkflowStaticData('node') as DispatchlyWebhookData;
        if (webhookData.webhookId) {
          try {
            await dispatchlyApiRequest.call(this, 'DELETE', `/v2/webhooks/${webhookData.webhookId}`);
          } catch (error) {
            if ((error as JsonObject).httpCode !== '404') {
              throw error;
            }
          }
          delete webhookData.webhookId;
          delete webhookData.secret;
        }
        return true;
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    const req = this.getRequestObject();
    const res = this.getResponseObject();
    const headers = this.getHeaderData() as IDataObject;

    if (this.getWebhookName() === 'setup') {
      // URL ownership check Dispatchly runs before activating a webhook;
      // it carries no event data and cannot be signed yet.
      const challenge = String(this.getQueryData().challenge ?? '');
      res.status(200).type('text/plain').send(challenge.slice(0, 128));
      return { noWebhookResponse: true };
    }

    const verification = this.getNodeParameter('verification', 'signature') as string;
    if (verification === 'headerSecret') {
      const expectedSecret = this.getNodeParameter('headerSecret') as string;
      if (headers['x-dispatchly-secret'] !== expectedSecret) {
        res.status(401).json({ error: 'invalid secret' });
        return { noWebhookResponse: true };
      }
    } else {
      const webhookData = this.getWorkflowStaticData('node') as DispatchlyWebhookData;
      if (webhookData.secret) {
        const valid = isValidSignature(
          webhookData.secret,
          headers[TIMESTAMP_HEADER] as string | undefined,
          headers[SIGNATURE_HEADER] as string | undefined,
          req.rawBody,
        );
        if (!valid) {
          res.status(401).json({ error: 'invalid signature' });
          return { noWebhookResponse: true };
        }
      }
    }

    const body = this.getBodyData();
    if (body.event === 'ping') {
      res.status(204).end();
      return { noWebhookResponse: true };
    }

    const events = this.getNodeParameter('events') as string[];
    if (!events.includes(body.event as string)) {
      return {};
    }

    return {
      workflowData: [this.helpers.returnJsonArray(body)],
    };
  }
}
