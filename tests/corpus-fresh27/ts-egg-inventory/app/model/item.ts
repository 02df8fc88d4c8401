import { Application } from 'egg';

export default (app: Application) => {
  const { STRING, INTEGER, BOOLEAN, DATE } = app.Sequelize;

  const Item = app.model.define('item', {
    id: { type: INTEGER, primaryKey: true, autoIncrement: true },
    sku: { type: STRING(32), allowNull: false, unique: true },
    name: { type: STRING(200), allowNull: false },
    warehouseId: { type: INTEGER, allowNull: false },
    quantity: { type: INTEGER, allowNull: false, defaultValue: 0 },
    supplierManaged: { type: BOOLEAN, allowNull: false, defaultValue: false },
    archivedAt: { type: DATE, allowNull: true },
    createdAt: DATE,
    updatedAt: DATE,
  });

  const StockMovement = app.model.define('stock_movement', {
    id: { type: INTEGER, primaryKey: true, autoIncrement: true },
    itemId: { type: INTEGER, allowNull: false },
    delta: { type: INTEGER, allowNull: false },
    reason: { type: STRING(64), allowNull: false },
    actorId: { type: INTEGER, allowNull: false },
    createdAt: DATE,
  }, { updatedAt: false });

  (Item as any).StockMovement = StockMovement;
  return Item;
};
