import type { INodeProperties } from 'n8n-workflow';

export const jobOperations: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['job'] } },
    options: [
      { name: 'Create', value: 'create', action: 'Create a job' },
      { name: 'Download Report', value: 'downloadReport', action: 'Download the completion report of a job' },
      { name: 'Get', value: 'get', action: 'Get a job' },
      { name: 'Get Many', value: 'getAll', action: 'Get many jobs' },
      { name: 'Reassign', value: 'reassign', action: 'Reassign a job to another technician' },
      { name: 'Update Status', value: 'updateStatus', action: 'Update the status of a job' },
    ],
    default: 'get',
  },
];

export const jobFields: INodeProperties[] = [
  {
    displayName: 'Job ID',
    name: 'jobId',
    type: 'string',
    required: true,
    default: '',
    displayOptions: {
      show: { resource: ['job'], operation: ['get', 'updateStatus', 'reassign', 'downloadReport'] },
    },
  },
  {
    displayName: 'Customer ID',
    name: 'customerId',
    type: 'string',
    required: true,
    default: '',
    displayOptions: { show: { resource: ['job'], operation: ['create'] } },
  },
  {
    displayName: 'Summary',
    name: 'summary',
    type: 'string',
    required: true,
    default: '',
    displayOptions: { show: { resource: ['job'], operation: ['create'] } },
  },
  {
    displayName: 'Additional Fields',
    name: 'additionalFields',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    displayOptions: { show: { resource: ['job'], operation: ['create'] } },
    options: [
      { displayName: 'Due Date', name: 'dueAt', type: 'dateTime', default: '' },
      {
        displayName: 'Priority',
        name: 'priority',
        type: 'options',
        options: [
          { name: 'Low', value: 'low' },
          { name: 'Normal', value: 'normal' },
          { name: 'Urgent', value: 'urgent' },
        ],
        default: 'normal',
      },
      { displayName: 'Technician ID', name: 'technicianId', type: 'string', default: '' },
    ],
  },
  {
    displayName: 'Status',
    name: 'status',
    type: 'options',
    required: true,
    options: [
      { name: 'Scheduled', value: 'scheduled' },
      { name: 'En Route', value: 'en_route' },
      { name: 'On Site', value: 'on_site' },
      { name: 'Completed', value: 'completed' },
      { name: 'Cancelled', value: 'cancelled' },
    ],
    default: 'scheduled',
    displayOptions: { show: { resource: ['job'], operation: ['updateStatus'] } },
  },
  {
    displayName: 'Technician ID',
    name: 'technicianId',
    type: 'string',
    required: true,
    default: '',
    displayOptions: { show: { resource: ['job'], operation: ['reassign'] } },
  },
  {
    displayName: 'Return All',
    name: 'returnAll',
    type: 'boolean',
    default: false,
    displayOptions: { show: { resource: ['job'], operation: ['getAll'] } },
  },
  {
    displayName: 'Limit',
    name: 'limit',
    type: 'number',
    typeOptions: { minValue: 1 },
    default: 50,
    displayOptions: { show: { resource: ['job'], operation: ['getAll'], returnAll: [false] } },
  },
  {
    displayName: 'Filters',
    name: 'filters',
    type: 'collection',
    placeholder: 'Add Filter',
    default: {},
    displayOptions: { show: { resource: ['job'], operation: ['getAll'] } },
    options: [
      { displayName: 'Status', name: 'status', type: 'string', default: '' },
      { displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
    ],
  },
  {
    displayName: 'Put Output File in Field',
    name: 'binaryPropertyName',
    type: 'string',
    default: 'data',
    displayOptions: { show: { resource: ['job'], operation: ['downloadReport'] } },
  },
];
