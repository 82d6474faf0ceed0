import { Role } from "@sertakan/schema";
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Context, viewerOf } from "../../context";
import { Donor } from "../donor/donor.entity";
import { BankImportResult, BankImportRow, ImportBankPaymentsInput } from "./bank-import.inputs";

@Resolver(() => BankImportRow)
export class BankImportResolver {
  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => BankImportResult, {
    description:
      "Payments from a bank file: each row is matched to a donor (picked, else by donor number, else by reference prefix) and recorded as recordPayment records it, one transaction per donor. The same file again records nothing new (ALREADY_RECORDED). Each bad row is reported; the rest are recorded. BAD_USER_INPUT above 5,000 rows.",
  })
  importBankPayments(
    // Rows are checked one by one in the service so one bad row does not reject the file.
    @Arg("input", () => ImportBankPaymentsInput, {
      validate: false,
      description: "The rows and whether this is a dry run.",
    })
    input: ImportBankPaymentsInput,
    @Ctx() ctx: Context,
  ): Promise<BankImportResult> {
    return ctx.services.bankImport.import(viewerOf(ctx), input.rows, input.dryRun ?? false);
  }

  @FieldResolver(() => Donor, { nullable: true, description: "The donor matched or picked." })
  donor(@Root() row: BankImportRow, @Ctx() ctx: Context) {
    return row.donorId ? ctx.loaders.donorById.load(row.donorId) : null;
  }
}
