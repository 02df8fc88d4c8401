// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('licenses', table => {
    table.comment('Software licenses mirrored from the vendor portal');
    table.string('id').primary().notNullable();
    table.string('vendor').notNullable();
    table.string('product').notNullable();
    table.string('team').nullable();
    table.integer('seat_limit').notNullable();
    table.timestamp('expires_at', { useTz: true }).nullable();
    table.timestamp('expiry_notified_at', { useTz: true }).nullable();
    table.timestamp('synced_at', { useTz: true }).notNullable();
    table.index(['team'], 'licenses_team_idx');
  });

  await knex.schema.createTable('license_seats', table => {
    table.comment('Seats assigned to Backstage users');
    table.string('id').primary().notNullable();
    table
      .string('license_id')
      .notNullable()
      .references('id')
      .inTable('licenses')
      .onDelete('CASCADE');
    table.string('user_ref').notNullable();
    table.string('assigned_by').notNullable();
    table.timestamp('assigned_at', { useTz: true }).notNullable();
    table.unique(['license_id', 'user_ref']);
  });

  await knex.schema.createTable('license_audit', table => {
    table.increments('id');
    table.string('license_id').notNullable();
    table.string('action').notNullable();
    table.string('actor').notNullable();
    table.text('details').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('license_audit');
  await knex.schema.dropTable('license_seats');
  await knex.schema.dropTable('licenses');
};
