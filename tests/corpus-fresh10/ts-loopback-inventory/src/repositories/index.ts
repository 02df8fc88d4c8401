export * from './api-client.repository';
export * from './audit-entry.repository';
export * from './product.repository';
