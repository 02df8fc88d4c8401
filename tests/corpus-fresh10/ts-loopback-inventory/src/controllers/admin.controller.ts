import {authenticate} from '@loopback/authentication';
import {authorize} from '@loopback/authorization';
import {inject} from '@loopback/core';
import {repository} from '@loopback/repository';
import {del, get, param, post, Response, RestBindings} from '@loopback/rest';
import {ProductRepository, ApiClientRepository} from '../repositories';
import {ReportService} from '../services/report.service';

export class AdminController {
  constructor(
    @repository(ProductRepository) private products: ProductRepository,
    @repository(ApiClientRepository) private clients: ApiClientRepository,
    @inject('services.ReportService') private reports: ReportService,
  ) {}

  @authenticate('api-key')
  @authorize({allowedRoles: ['admin']})
  @get('/admin/clients')
  async listClients() {
    const clients = await this.clients.find({fields: {secretHash: false}});
    return clients.map(c => ({id: c.clientId, name: c.name, roles: c.roles}));
  }

  @authenticate('api-key')
  @authorize({allowedRoles: ['admin']})
  @post('/admin/clients/{id}/revoke')
  async revokeClient(@param.path.string('id') id: string) {
    await this.clients.updateAll({active: false}, {clientId: id});
    return {revoked: id};
  }

  @del('/admin/products/{id}')
  async purgeProduct(@param.path.number('id') id: number) {
    await this.products.stockMovements(id).delete();
    await this.products.deleteById(id);
  }

  @authenticate('api-key')
  @authorize({allowedRoles: ['admin', 'auditor']})
  @get('/admin/reports/stock.pdf')
  async stockReport(
    @param.query.string('warehouse') warehouse: string,
    @inject(RestBindings.Http.RESPONSE) response: Response,
  ) {
    const pdf = await this.reports.exportStockPdf(warehouse);
    response.contentType('application/pdf').send(pdf);
    return response;
  }

  @authenticate('api-key')
  @authorize({allowedRoles: ['admin', 'auditor']})
  @get('/admin/reports/stock.csv')
  async stockCsv(@param.query.string('warehouse') warehouse: string) {
    return this.reports.writeStockCsv(warehouse);
  }
}
