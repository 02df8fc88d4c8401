import { Controller } from 'egg';

const warehouseRule = {
  code: { type: 'string', format: /^[A-Z]{3}\d{2}$/ },
  name: { type: 'string', max: 120 },
  timezone: { type: 'string', required: false },
};

export default class WarehouseController extends Controller {
  async index() {
    const { ctx } = this;
    ctx.body = await ctx.model.query('SELECT id, code, name, timezone FROM warehouses ORDER BY code', {
      type: ctx.app.Sequelize.QueryTypes.SELECT,
    });
  }

  async show() {
    const { ctx } = this;
    const [ row ] = await ctx.model.query('SELECT id, code, name, timezone FROM warehouses WHERE id = ?', {
      replacements: [ Number(ctx.params.id) ],
      type: ctx.app.Sequelize.QueryTypes.SELECT,
    });
    if (!row) ctx.throw(404, 'warehouse not found');
    ctx.body = row;
  }

  async create() {
    const { ctx } = this;
    ctx.validate(warehouseRule, ctx.request.body);
    const { code, name, timezone = 'UTC' } = ctx.request.body;
    await ctx.model.query('INSERT INTO warehouses (code, name, timezone) VALUES (?, ?, ?)', {
      replacements: [ code, name, timezone ],
    });
    ctx.status = 201;
    ctx.body = { code, name, timezone };
  }

  async update() {
    const { ctx } = this;
    ctx.validate({ ...warehouseRule, code: { ...warehouseRule.code, required: false } }, ctx.request.body);
    const { name, timezone } = ctx.request.body;
    await ctx.model.query('UPDATE warehouses SET name = COALESCE(?, name), timezone = COALESCE(?, timezone) WHERE id = ?', {
      replacements: [ name ?? null, timezone ?? null, Number(ctx.params.id) ],
    });
    ctx.status = 204;
  }

  async destroy() {
    const { ctx } = this;
    const [ { n } ] = await ctx.model.query('SELECT COUNT(*) AS n FROM items WHERE warehouse_id = ? AND archived_at IS NULL', {
      replacements: [ Number(ctx.params.id) ],
      type: ctx.app.Sequelize.QueryTypes.SELECT,
    }) as any[];
    if (Number(n) > 0) ctx.throw(409, 'warehouse still holds active items');
    await ctx.model.query('DELETE FROM warehouses WHERE id = ?', { replacements: [ Number(ctx.params.id) ] });
    ctx.status = 204;
  }
}
