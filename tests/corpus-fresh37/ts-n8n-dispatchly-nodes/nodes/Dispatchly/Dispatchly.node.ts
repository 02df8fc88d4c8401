import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  IDataObject,
  IExecuteFunctions,
  ILoadOptionsFunctions,
  INodeExecutionData,
  INodePropertyOptions,
  INodeType,
  INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionType, NodeOperationError } from 'n8n-workflow';
import {
  dispatchlyApiRequest,
  dispatchlyApiRequestAllItems,
  toDispatchlyDate,
} from './GenericFunctions';
import { jobFields, jobOperations } from './JobDescription';

const REPORT_ARCHIVE_DIR = '/home/kpatel/n8n-data/dispatchly/reports';

export class Dispatchly implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Dispatchly',
    name: 'dispatchly',
    icon: 'file:dispatchly.svg',
    group: ['transform'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: 'Create and track field-service jobs in Dispatchly',
    defaults: { name: 'Dispatchly' },
    inputs: [NodeConnectionType.Main],
    outputs: [NodeConnectionType.Main],
    credentials: [{ name: 'dispatchlyApi', required: true }],
    properties: [
      {
        displayName: 'Resource',
        name: 'resource',
        type: 'options',
        noDataExpression: true,
        options: [
          { name: 'Job', value: 'job' },
          { name: 'Technician', value: 'technician' },
        ],
        default: 'job',
      },
      ...jobOperations,
      ...jobFields,
      {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['technician'] } },
        options: [{ name: 'Get Many', value: 'getAll', action: 'Get many technicians' }],
        default: 'getAll',
      },
    ],
  };

  methods = {
    loadOptions: {
      async getTechnicians(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
        const technicians = await dispatchlyApiRequestAllItems.call(
          this,
          'technicians',
          'GET',
          '/v2/technicians',
        );
        return technicians.map(technician => ({
          name: `${technician.display_name} (${technician.region})`,
          value: technician.id as string,
        }));
      },
    },
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const returnData: INodeExecutionData[] = [];
    const resource = this.getNodeParameter('resource', 0) as string;
    const operation = this.getNodeParameter('operation', 0) as string;

    for (let i = 0; i < items.length; i++) {
      try {
        let responseData: IDataObject | IDataObject[] | undefined;

        if (resource === 'job') {
          if (operation === 'create') {
            const additionalFields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
            const body: IDataObject = {
              customer_id: this.getNodeParameter('customerId', i) as string,
              summary: this.getNodeParameter('summary', i) as string,
              priority: additionalFields.priority ?? 'normal',
            };
            if (additionalFields.dueAt) {
              body.due_at = toDispatchlyDate(additionalFields.dueAt as string);
            }
            if (additionalFields.technicianId) {
              body.technician_id = additionalFields.technicianId;
            }
            responseData = await dispatchlyApiRequest.call(this, 'POST', '/v2/jobs', body);
          } else if (operation === 'get') {
            const jobId = this.getNodeParameter('jobId', i) as string;
            responseData = await dispatchlyApiRequest.call(this, 'GET', `/v2/jobs/${jobId}`);
          } else if (operation === 'getAll') {
            const returnAll = this.getNodeParameter('returnAll', i) as boolean;
            const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
            const qs: IDataObject = {};
            if (filters.status) {
              qs.status = filters.status;
            }
            if (filters.updatedSince) {
              qs.updated_since = toDispatchlyDate(filters.updatedSince as string);
            }
            const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
            responseData = await dispatchlyApiRequestAllItems.call(
              this,
              'jobs',
              'GET',
              '/v2/jobs',
              {},
              qs,
              limit,
            );
          } else if (operation === 'updateStatus') {
            const jobId = this.getNodeParameter('jobId', i) as string;
            const status = this.getNodeParameter('status', i) as string;
            responseData = await dispatchlyApiRequest.call(
              this,
              'PATCH',
              `/v2/jobs/${jobId}/status`,
              { status },
            );
          } else if (operation === 'reassign') {
            throw new NodeOperationError(this.getNode(), 'Reassigning jobs is not implemented');
          } else if (operation === 'downloadReport') {
            const jobId = this.getNodeParameter('jobId', i) as string;
            const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i) as string;
            const pdf = (await dispatchlyApiRequest.call(
              this,
              'GET',
              `/v2/jobs/${jobId}/report.pdf`,
              {},
              {},
              { encoding: 'arraybuffer', json: false },
            )) as Buffer;
            const fileName = `job-${jobId}-report.pdf`;
            await mkdir(REPORT_ARCHIVE_DIR, { recursive: true });
            await writeFile(join(REPORT_ARCHIVE_DIR, fileName), pdf);
            returnData.push({
              json: { jobId, fileName },
              binary: {
                [binaryPropertyName]: await this.helpers.prepareBinaryData(
                  Buffer.from(pdf),
                  fileName,
                  'application/pdf',
                ),
              },
              pairedItem: { item: i },
            });
            continue;
          } else {
            throw new NodeOperationError(
              this.getNode(),
              `The operation "${operation}" is not known for jobs`,
              { itemIndex: i },
            );
          }
        } else if (resource === 'technician') {
          responseData = await dispatchlyApiRequestAllItems.call(
            this,
            'technicians',
            'GET',
            '/v2/technicians',
          );
        } else {
          throw new NodeOperationError(this.getNode(), `The resource "${resource}" is not known`, {
            itemIndex: i,
          });
        }

        const executionData = this.helpers.constructExecutionMetaData(
          this.helpers.returnJsonArray(responseData ?? {}),
          { itemData: { item: i } },
        );
        returnData.push(...executionData);
      } catch (error) {
        if (this.continueOnFail()) {
          returnData.push({
            json: { error: (error as Error).message },
            pairedItem: { item: i },
          });
          continue;
        }
      }
    }

    return [returnData];
  }
}
