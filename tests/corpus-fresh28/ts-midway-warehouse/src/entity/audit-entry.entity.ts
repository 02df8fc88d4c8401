import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_entry')
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ length: 64 })
  actor: string;

  @Column({ length: 48 })
  action: string;

  @Column({ name: 'subject_ref', length: 80 })
  subjectRef: string;

  @Column({ type: 'json', nullable: true })
  detail: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
