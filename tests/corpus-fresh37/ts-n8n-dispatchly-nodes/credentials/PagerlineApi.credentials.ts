import type {
  IAuthenticateGeneric,
  ICredentialTestRequest,
  ICredentialType,
  INodeProperties,
} from 'n8n-workflow';

export class PagerlineApi implements ICredentialType {
  name = 'pagerlineApi';

  displayName = 'Pagerline API';

  documentationUrl = 'https://docs.pagerline.net/api/auth';

  properties: INodeProperties[] = [
    {
      displayName: 'Account SID',
      name: 'accountSid',
      type: 'string',
      default: '',
      placeholder: 'AC0000000000000000',
    },
    {
      displayName: 'Auth Token',
      name: 'authToken',
      type: 'string',
      typeOptions: { password: true },
      default: '',
    },
    {
      displayName: 'Default Sender',
      name: 'defaultSender',
      type: 'string',
      default: '',
      description: 'E.164 number used when a node does not set a sender',
    },
  ];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      auth: {
        username: '={{$credentials.accountSid}}',
        password: '={{$credentials.authToken}}',
      },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      baseURL: 'https://api.pagerline.net',
      url: '=/2024-01/accounts/{{$credentials.accountSid}}',
    },
  };
}
