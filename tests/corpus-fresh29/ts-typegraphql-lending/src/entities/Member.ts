import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import { Loan } from "./Loan";

export enum Role {
  MEMBER = "MEMBER",
  LIBRARIAN = "LIBRARIAN",
  ADMIN = "ADMIN",
}
registerEnumType(Role, { name: "Role" });

@ObjectType()
@Entity("members")
export class Member {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field()
  @Column()
  displayName: string;

  // Exposed through MemberResolver.email so the resolver can check who is asking.
  @Column({ unique: true })
  email: string;

  @Field(() => Role)
  @Column({ type: "enum", enum: Role, default: Role.MEMBER })
  role: Role;

  @Field()
  @Column({ type: "date" })
  membershipExpires: string;

  @Column({ nullable: true })
  paymentCustomerId?: string;

  @OneToMany(() => Loan, (loan) => loan.member)
  loans: Loan[];

  @Field()
  @CreateDateColumn()
  joinedAt: Date;
}

@Entity("audit_log")
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ nullable: true })
  actorId?: string;

  @Column()
  operation: string;

  @Column({ type: "jsonb", default: {} })
  variables: Record<string, unknown>;

  @CreateDateColumn()
  at: Date;
}
