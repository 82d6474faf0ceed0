import { Field, ID, InputType } from "type-graphql";
import { ReminderKind, ReminderStatus } from "@sertakan/schema";
import { YearMonthScalar } from "../../graphql/scalars";

@InputType("DonorReminderFilter", {
  description: "Narrows the donor reminders list; every given field must match.",
})
export class DonorReminderFilter {
  @Field(() => ID, { nullable: true, description: "Only this donor's reminders." })
  donorId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "Only donors based in this region (any level).",
  })
  regionCode?: string | null;
  @Field(() => [ReminderKind], { nullable: true, description: "Any of these kinds." })
  kind?: ReminderKind[] | null;
  @Field(() => [ReminderStatus], { nullable: true, description: "Any of these statuses." })
  status?: ReminderStatus[] | null;
  @Field(() => YearMonthScalar, { nullable: true, description: "Only reminders of this month." })
  month?: string | null;
}
