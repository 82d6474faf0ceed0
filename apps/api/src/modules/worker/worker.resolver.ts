import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from "type-graphql";
import {
  CoverageStatus,
  Role,
  coverageStatus,
  currentYearMonth,
  maskNik,
  masksPersonalData,
} from "@sertakan/schema";
import { DateScalar } from "../../graphql/scalars";
import { Context, viewerOf } from "../../context";
import { YearMonthScalar } from "../../graphql/scalars";
import { Sponsorship } from "../sponsorship/sponsorship.entity";
import { AfterCursorArg, PageSizeArg, connectionTypes } from "../../graphql/pagination";
import { Region } from "../region/region.entity";
import { Partner } from "../partner/partner.entity";
import { Worker } from "./worker.entity";
import {
  RegisterWorkerInput,
  UpdateWorkerInput,
  WorkerFilter,
  WorkerImportResult,
  WorkerOrder,
  WorkerOrderField,
} from "./worker.inputs";

registerEnumType(WorkerOrderField, {
  name: "WorkerOrderField",
  description: "What the workers list can be sorted by.",
  valuesConfig: {
    CREATED_AT: { description: "Registration time." },
    FULL_NAME: { description: "Full name." },
    COVERED_THROUGH: { description: "Last paid month; never-paid workers count as the earliest." },
  },
});

export const { Connection: WorkerConnection } = connectionTypes("Worker", Worker);

@Resolver(() => Worker)
export class WorkerResolver {
  @Authorized()
  @Query(() => Worker, {
    nullable: true,
    description: "One worker; null when unknown or outside your scope.",
  })
  worker(
    @Arg("id", () => ID, { description: "The worker's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Worker | null> {
    return ctx.services.worker.get(viewerOf(ctx), id);
  }

  @Authorized()
  @Query(() => Worker, {
    nullable: true,
    description: "The worker registered with this NIK; null when none inside your scope.",
  })
  async workerByNik(
    @Arg("nik", () => String, { description: "The 16-digit NIK." }) nik: string,
    @Ctx() ctx: Context,
  ): Promise<Worker | null> {
    return ctx.services.worker.getByNik(viewerOf(ctx), nik);
  }

  @Authorized()
  @Query(() => WorkerConnection, {
    description: "Without orderBy, the newest registrations come first.",
  })
  async workers(
    @Ctx() ctx: Context,
    @Arg("filter", () => WorkerFilter, { nullable: true, description: "Narrows the list." })
    filter?: WorkerFilter,
    @Arg("orderBy", () => WorkerOrder, { nullable: true, description: "Sort order." })
    orderBy?: WorkerOrder,
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    return WorkerConnection.of(
      await ctx.services.worker.list(viewerOf(ctx), filter, orderBy, first, after),
    );
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Worker, {
    description: "Codes: NIK_INVALID, NIK_MISMATCH (gender or birth date disagree), NIK_DUPLICATE.",
  })
  registerWorker(
    @Arg("input", () => RegisterWorkerInput, {
      description: "The worker; NIK, gender and birth date must agree.",
    })
    input: RegisterWorkerInput,
    @Ctx() ctx: Context,
  ): Promise<Worker> {
    return ctx.services.worker.register(viewerOf(ctx), input);
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Worker, {
    description:
      "Changes a worker's details; fields left out stay as they are. NIK, gender and birth date cannot change.",
  })
  updateWorker(
    @Arg("id", () => ID, { description: "The worker to change." }) id: string,
    @Arg("input", () => UpdateWorkerInput, { description: "The fields to change." })
    input: UpdateWorkerInput,
    @Ctx() ctx: Context,
  ): Promise<Worker> {
    return ctx.services.worker.update(viewerOf(ctx), id, input);
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => WorkerImportResult, {
    description:
      "Up to 5,000 rows; valid rows are written in one transaction, each bad row is reported.",
  })
  importWorkers(
    // Rows are validated one by one in the service so one bad row does not reject the file.
    @Arg("rows", () => [RegisterWorkerInput], {
      validate: false,
      description: "The workers to register, up to 5,000.",
    })
    rows: RegisterWorkerInput[],
    @Ctx() ctx: Context,
    @Arg("dryRun", () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: "true: check every row and report, write nothing.",
    })
    dryRun?: boolean,
  ): Promise<WorkerImportResult> {
    return ctx.services.worker.import(viewerOf(ctx), rows, dryRun ?? false);
  }

  @FieldResolver(() => Region, { description: "Domicile village." })
  async village(@Root() worker: Worker, @Ctx() ctx: Context) {
    return ctx.loaders.regionByCode.load(worker.villageCode);
  }

  @FieldResolver(() => Partner, {
    nullable: true,
    description: "The Perisai agent or other partner who recruited the worker.",
  })
  recruitedBy(@Root() worker: Worker, @Ctx() ctx: Context) {
    return worker.recruitedById ? ctx.loaders.partnerById.load(worker.recruitedById) : null;
  }

  @FieldResolver(() => CoverageStatus, { description: "Defaults to the current month." })
  async coverageStatus(
    @Root() worker: Worker,
    @Ctx() ctx: Context,
    @Arg("asOf", () => YearMonthScalar, {
      nullable: true,
      description: "The month; defaults to the current month (Asia/Jakarta).",
    })
    asOf?: string,
  ): Promise<CoverageStatus> {
    const paid = await ctx.loaders.paidMonthsByWorker.load(worker.id);
    return coverageStatus(paid, asOf ?? currentYearMonth(ctx.services.now()));
  }

  @FieldResolver(() => [Sponsorship], {
    description: "Every pledge for this worker, by any donor.",
  })
  sponsorships(@Root() worker: Worker, @Ctx() ctx: Context) {
    return ctx.loaders.sponsorshipsByWorker.load(worker.id);
  }

  // Personal data (UU PDP 27/2022): a VIEWER sees a masked NIK and no phone or birth date.
  @FieldResolver(() => String, {
    description: "Full NIK for ADMIN and OFFICER; masked as 3310********0001 for VIEWER.",
  })
  nik(@Root() worker: Worker, @Ctx() ctx: Context): string {
    return masksPersonalData(viewerOf(ctx)) ? maskNik(worker.nik) : worker.nik;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "null for VIEWER" })
  birthDate(@Root() worker: Worker, @Ctx() ctx: Context): string | null {
    return masksPersonalData(viewerOf(ctx)) ? null : worker.birthDate;
  }

  @FieldResolver(() => String, { nullable: true, description: "null for VIEWER" })
  phone(@Root() worker: Worker, @Ctx() ctx: Context): string | null {
    return masksPersonalData(viewerOf(ctx)) ? null : worker.phone;
  }
}
