import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('stock_item')
@Index(['sku', 'warehouseId'], { unique: true })
export class StockItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 64 })
  sku: string;

  @Column({ name: 'warehouse_id', length: 16 })
  warehouseId: string;

  @Column({ length: 255 })
  description: string;

  @Column({ name: 'on_hand', type: 'int', default: 0 })
  onHand: number;

  @Column({ type: 'int', default: 0 })
  reserved: number;

  @Column({ name: 'bin_location', length: 32, nullable: true })
  binLocation: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt: Date;

  get available(): number {
    return this.onHand - this.reserved;
  }
}
