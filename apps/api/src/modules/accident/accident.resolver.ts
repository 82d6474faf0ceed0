import { Role, masksPersonalData } from "@sertakan/schema";
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
} from "type-graphql";
import { Context, viewerOf } from "../../context";
import { AfterCursorArg, PageSizeArg, connectionTypes } from "../../graphql/pagination";
import { DateScalar, YearMonthScalar } from "../../graphql/scalars";
import { Partner } from "../partner/partner.entity";
import { Region } from "../region/region.entity";
import { Contribution } from "../sponsorship/sponsorship.entity";
import { Worker } from "../worker/worker.entity";
import { AccidentReport } from "./accident.entity";
import { AccidentReportFilter, ReportAccidentInput } from "./accident.inputs";
import { AccidentCount, AccidentSummary, CoverageCheck } from "./accident.types";

export const { Connection: AccidentReportConnection } = connectionTypes(
  "AccidentReport",
  AccidentReport,
);

@Resolver(() => AccidentReport)
export class AccidentReportResolver {
  @Authorized()
  @Query(() => AccidentReport, {
    nullable: true,
    description: "One accident report; null when unknown or its worker is outside your scope.",
  })
  accidentReport(
    @Arg("id", () => ID, { description: "The report's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<AccidentReport | null> {
    return ctx.services.accident.get(viewerOf(ctx), id);
  }

  @Authorized()
  @Query(() => AccidentReportConnection, {
    description: "Accident reports of workers inside your scope, newest accident first.",
  })
  async accidentReports(
    @Ctx() ctx: Context,
    @Arg("filter", () => AccidentReportFilter, {
      nullable: true,
      description: "Narrows the list.",
    })
    filter?: AccidentReportFilter,
    @PageSizeArg()
    first?: number,
    @AfterCursorArg()
    after?: string,
  ) {
    return AccidentReportConnection.of(
      await ctx.services.accident.list(viewerOf(ctx), filter, first, after),
    );
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Query(() => CoverageCheck, {
    description:
      "OFFICER and ADMIN in scope of the worker; a NIK outside the caller's scope answers as unknown.",
  })
  coverageCheck(
    @Arg("nik", () => String, { description: "The 16-digit NIK on the identity card." })
    nik: string,
    @Arg("date", () => DateScalar, { description: "The day to check, Asia/Jakarta." })
    date: string,
    @Ctx() ctx: Context,
  ): Promise<CoverageCheck> {
    return ctx.services.accident.coverageCheck(viewerOf(ctx), nik, date);
  }

  @Authorized()
  @Query(() => AccidentSummary, {
    description:
      "Accidents in a month for a region inside your scope and each of its child regions, covered vs not covered.",
  })
  accidentSummary(
    @Arg("regionCode", () => ID, { description: "The region, e.g. 33.10." }) regionCode: string,
    @Arg("month", () => YearMonthScalar, { description: "The month (Asia/Jakarta)." })
    month: string,
    @Ctx() ctx: Context,
  ): Promise<AccidentSummary> {
    return ctx.services.accident.summary(viewerOf(ctx), regionCode, month);
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => AccidentReport, {
    description:
      "Always recorded; status says whether cover held. Codes: BAD_USER_INPUT (future date, neither or both of workerId and nik), NOT_FOUND (unknown worker or partner), PARTNER_NOT_PLKK (not an active PLKK partner).",
  })
  reportAccident(
    @Arg("input", () => ReportAccidentInput, { description: "The accident." })
    input: ReportAccidentInput,
    @Ctx() ctx: Context,
  ): Promise<AccidentReport> {
    return ctx.services.accident.report(viewerOf(ctx), input);
  }

  @FieldResolver(() => Worker, { description: "The worker who had the accident." })
  async worker(@Root() report: AccidentReport, @Ctx() ctx: Context) {
    return ctx.loaders.workerById.load(report.workerId);
  }

  @FieldResolver(() => Partner, {
    description: "The PLKK (hospital, clinic or puskesmas partner) that reported it.",
  })
  async partner(@Root() report: AccidentReport, @Ctx() ctx: Context) {
    return ctx.loaders.partnerById.load(report.partnerId);
  }

  @FieldResolver(() => Contribution, {
    nullable: true,
    description: "The paid month that covers the accident day, when ACCEPTED.",
  })
  coveredBy(@Root() report: AccidentReport, @Ctx() ctx: Context) {
    return report.coveredById ? ctx.loaders.contributionById.load(report.coveredById) : null;
  }

  // Personal data (UU PDP 27/2022): a VIEWER sees no reporter phone.
  @FieldResolver(() => String, { nullable: true, description: "null for VIEWER" })
  reporterPhone(@Root() report: AccidentReport, @Ctx() ctx: Context): string | null {
    return masksPersonalData(viewerOf(ctx)) ? null : report.reporterPhone;
  }
}

@Resolver(() => Worker)
export class WorkerAccidentsResolver {
  @FieldResolver(() => [AccidentReport], {
    description: "Accidents reported for this worker, newest first.",
  })
  accidentReports(@Root() worker: Worker, @Ctx() ctx: Context) {
    return ctx.loaders.accidentReportsByWorker.load(worker.id);
  }
}

@Resolver(() => AccidentCount)
export class AccidentCountResolver {
  @FieldResolver(() => Region, { description: "The region counted." })
  region(@Root() count: AccidentCount, @Ctx() ctx: Context) {
    return ctx.loaders.regionByCode.load(count.regionCode);
  }
}
