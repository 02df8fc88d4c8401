import {BootMixin} from '@loopback/boot';
import {ApplicationConfig} from '@loopback/core';
import {RepositoryMixin} from '@loopback/repository';
import {RestApplication} from '@loopback/rest';
import {ServiceMixin} from '@loopback/service-proxy';
import {
  AuthenticationComponent,
  registerAuthenticationStrategy,
} from '@loopback/authentication';
import {
  AuthorizationBindings,
  AuthorizationComponent,
  AuthorizationDecision,
  AuthorizationTags,
} from '@loopback/authorization';
import path from 'path';
import {ApiKeyStrategy} from './auth/api-key.strategy';
import {roleAuthorizer} from './auth/authorizers';
import {AuditInterceptor} from './interceptors/audit.interceptor';
import {InventorySequence} from './sequence';

export {ApplicationConfig};

export class InventoryApplication extends BootMixin(
  ServiceMixin(RepositoryMixin(RestApplication)),
) {
  constructor(options: ApplicationConfig = {}) {
    super(options);

    this.sequence(InventorySequence);
    this.static('/', path.join(__dirname, '../public'));

    this.component(AuthenticationComponent);
    registerAuthenticationStrategy(this, ApiKeyStrategy);

    this.configure(AuthorizationBindings.COMPONENT).to({
      precedence: AuthorizationDecision.DENY,
      defaultDecision: AuthorizationDecision.DENY,
    });
    this.component(AuthorizationComponent);
    this.bind('authorizationProviders.role-authorizer')
      .to(roleAuthorizer)
      .tag(AuthorizationTags.AUTHORIZER);

    this.interceptor(AuditInterceptor);

    this.projectRoot = __dirname;
    this.bootOptions = {
      controllers: {
        dirs: ['controllers'],
        extensions: ['.controller.js'],
        nested: true,
      },
    };
  }
}
