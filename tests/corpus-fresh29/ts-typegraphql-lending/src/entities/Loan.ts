import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Member } from "./Member";
import { Tool } from "./Tool";

@ObjectType()
@Entity("loans")
export class Loan {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => Tool)
  @ManyToOne(() => Tool, { eager: true })
  tool: Tool;

  @ManyToOne(() => Member, (m) => m.loans)
  member: Member;

  @Column()
  memberId: string;

  @Field()
  @CreateDateColumn()
  borrowedAt: Date;

  @Field()
  @Column({ type: "timestamptz" })
  dueAt: Date;

  @Field({ nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  returnedAt?: Date;

  @Field(() => Int)
  @Column({ default: 0 })
  extensions: number;

  @Field(() => Int)
  @Column({ default: 0 })
  fineCents: number;
}
