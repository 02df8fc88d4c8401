import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType()
@Entity("tools")
export class Tool {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field()
  @Column()
  name: string;

  @Field()
  @Column()
  category: string;

  @Field(() => Int)
  @Column({ default: 7 })
  loanDays: number;

  @Field(() => Int, { description: "Replacement value in cents, used to cap fines" })
  @Column({ default: 0 })
  replacementCents: number;

  @Field()
  @Column({ default: false })
  retired: boolean;
}
