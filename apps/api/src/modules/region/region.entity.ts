import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { RegionLevel } from "@sertakan/schema";

@Entity("region")
@ObjectType("Region", { description: "An administrative region (Kemendagri code)." })
export class Region {
  @PrimaryColumn({ type: "varchar", length: 13 })
  @Field(() => ID, { description: "Kemendagri code: 33, 33.10, 33.10.01, 33.10.01.2001" })
  code!: string;

  @Column({ type: "text" })
  @Field(() => String, { description: "Official name, e.g. Kabupaten Klaten or Prambanan." })
  name!: string;

  @Column({ type: "text" })
  @Field(() => RegionLevel, { description: "Province, regency, district or village." })
  level!: RegionLevel;

  @Column({ type: "varchar", length: 13, name: "parent_code", nullable: true })
  parentCode!: string | null;
}
