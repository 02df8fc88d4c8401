import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ShipmentStatus = 'draft' | 'labelled' | 'dispatched' | 'delivered' | 'cancelled';

@Entity('shipment')
export class Shipment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_ref', length: 40 })
  orderRef: string;

  @Column({ name: 'warehouse_id', length: 16 })
  warehouseId: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ShipmentStatus;

  @Column({ name: 'carrier_label_id', type: 'varchar', length: 64, nullable: true })
  carrierLabelId: string | null;

  @Column({ name: 'tracking_number', type: 'varchar', length: 64, nullable: true })
  trackingNumber: string | null;

  @Column({ type: 'json' })
  lines: Array<{ sku: string; quantity: number }>;

  @Column({ name: 'created_by', length: 64 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
