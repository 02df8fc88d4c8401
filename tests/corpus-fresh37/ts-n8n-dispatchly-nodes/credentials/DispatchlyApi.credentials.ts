import type {
  IAuthenticateGeneric,
  ICredentialTestRequest,
  ICredentialType,
  INodeProperties,
} from 'n8n-workflow';

export class DispatchlyApi implements ICredentialType {
  name = 'dispatchlyApi';

  displayName = 'Dispatchly API';

  documentationUrl = 'https://developers.dispatchly.io/authentication';

  properties: INodeProperties[] = [
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: 'https://api.dispatchly.io',
      description: 'Change only for on-premises Dispatchly installations',
    },
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
    },
    {
      displayName: 'Ignore SSL Issues (Insecure)',
      name: 'allowUnauthorizedCerts',
      type: 'boolean',
      default: false,
      description:
        'Whether to connect even if SSL certificate validation is not possible. Only meant for on-premises servers that use a private CA not known to n8n.',
    },
  ];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: {
        Authorization: '=Bearer {{$credentials.apiKey}}',
      },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      baseURL: '={{$credentials.baseUrl}}',
      url: '/v2/me',
      skipSslCertificateValidation: '={{$credentials.allowUnauthorizedCerts}}',
    },
  };
}
