import {authenticate} from '@loopback/authentication';
import {authorize} from '@loopback/authorization';
import {Filter, repository} from '@loopback/repository';
import {
  get,
  getModelSchemaRef,
  HttpErrors,
  param,
  patch,
  post,
  requestBody,
} from '@loopback/rest';
import {Product} from '../models';
import {ProductRepository} from '../repositories';

@authenticate('api-key')
export class ProductController {
  constructor(
    @repository(ProductRepository)
    public productRepository: ProductRepository,
  ) {}

  @get('/products', {
    responses: {
      '200': {
        description: 'Array of Product model instances',
        content: {'application/json': {schema: {type: 'array', items: getModelSchemaRef(Product)}}},
      },
    },
  })
  async find(
    @param.filter(Product) filter?: Filter<Product>,
  ): Promise<Product[]> {
    return this.productRepository.find({limit: 200, ...filter});
  }

  @get('/products/{sku}')
  async findBySku(@param.path.string('sku') sku: string): Promise<Product> {
    const found = await this.productRepository.findOne({where: {sku}});
    if (!found) {
      throw new HttpErrors.NotFound(`No product with sku ${sku}`);
    }
    return found;
  }

  @authorize({allowedRoles: ['inventory-writer', 'admin']})
  @post('/products')
  async create(
    @requestBody({
      content: {
        'application/json': {
          schema: getModelSchemaRef(Product, {title: 'NewProduct', exclude: ['id']}),
        },
      },
    })
    product: Omit<Product, 'id'>,
  ): Promise<Product> {
    return this.productRepository.create(product);
  }

  @authorize({allowedRoles: ['inventory-writer', 'admin']})
  @patch('/products/{id}/stock')
  async adjustStock(
    @param.path.number('id') id: number,
    @requestBody() body: {delta: number; reason: string},
  ): Promise<void> {
    if (!Number.isInteger(body.delta)) {
      throw new HttpErrors.UnprocessableEntity('delta must be an integer');
    }
    await this.productRepository.adjustStock(id, body.delta, body.reason);
  }
}
