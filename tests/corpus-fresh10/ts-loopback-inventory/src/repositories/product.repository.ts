import {inject, Getter} from '@loopback/core';
import {DefaultCrudRepository, HasManyRepositoryFactory, repository} from '@loopback/repository';
import {DbDataSource} from '../datasources';
import {Product, ProductRelations, StockMovement} from '../models';
import {StockMovementRepository} from './stock-movement.repository';

export class ProductRepository extends DefaultCrudRepository<
  Product,
  typeof Product.prototype.id,
  ProductRelations
> {
  public readonly stockMovements: HasManyRepositoryFactory<StockMovement, typeof Product.prototype.id>;

  constructor(
    @inject('datasources.db') dataSource: DbDataSource,
    @repository.getter('StockMovementRepository')
    movementRepoGetter: Getter<StockMovementRepository>,
  ) {
    super(Product, dataSource);
    this.stockMovements = this.createHasManyRepositoryFactoryFor('stockMovements', movementRepoGetter);
    this.registerInclusionResolver('stockMovements', this.stockMovements.inclusionResolver);
  }

  async adjustStock(id: number, delta: number, reason: string): Promise<void> {
    const tx = await this.beginTransaction();
    try {
      const product = await this.findById(id, undefined, {transaction: tx});
      const onHand = product.onHand + delta;
      if (onHand < 0) {
        throw new Error(`stock for ${product.sku} would go negative`);
      }
      await this.updateById(id, {onHand}, {transaction: tx});
      await this.stockMovements(id).create({delta, reason, at: new Date().toISOString()}, {transaction: tx});
      await tx.commit();
    } catch (err) {
      await tx.rollback();
      throw err;
    }
  }
}
