import "reflect-metadata";
import "./graphql/enums";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { RegionResolver } from "./modules/region/region.resolver";
import { PartnerResolver, EngagementResolver } from "./modules/partner/partner.resolver";
import { DonorResolver } from "./modules/donor/donor.resolver";
import { WorkerResolver } from "./modules/worker/worker.resolver";
import { QuoteResolver } from "./modules/quote/quote.resolver";
import {
  ContributionResolver,
  SponsorshipResolver,
} from "./modules/sponsorship/sponsorship.resolver";
import { PaymentResolver } from "./modules/payment/payment.resolver";
import { BankImportResolver } from "./modules/payment/bank-import.resolver";
import { ApiKeyResolver, AuthResolver } from "./modules/auth/auth.resolver";
import { AuditResolver } from "./modules/audit/audit.resolver";
import {
  CoverageStatsResolver,
  RegionalTargetResolver,
} from "./modules/analytics/coverage.resolver";
import {
  AccidentCountResolver,
  AccidentReportResolver,
  WorkerAccidentsResolver,
} from "./modules/accident/accident.resolver";
import { AgentCommissionResolver } from "./modules/commission/commission.resolver";
import {
  DonorReminderResolver,
  DonorRemindersResolver,
} from "./modules/reminder/reminder.resolver";
import { RenewalResolver } from "./modules/sponsorship/renewal.resolver";
import { authChecker } from "./graphql/auth-checker";
import { DateTimeScalar } from "./graphql/scalars";
import { readPrecomputedFields } from "./graphql/precomputed";
import { CATALOG } from "./compiled-reads";

export const resolvers = [
  RegionResolver,
  PartnerResolver,
  EngagementResolver,
  DonorResolver,
  WorkerResolver,
  QuoteResolver,
  SponsorshipResolver,
  ContributionResolver,
  PaymentResolver,
  BankImportResolver,
  AuthResolver,
  ApiKeyResolver,
  AuditResolver,
  CoverageStatsResolver,
  RegionalTargetResolver,
  AccidentReportResolver,
  WorkerAccidentsResolver,
  AccidentCountResolver,
  AgentCommissionResolver,
  DonorReminderResolver,
  DonorRemindersResolver,
  RenewalResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** The executable schema. Built once per process: resolver classes are singletons. */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false },
    authChecker,
  })
    .then((schema) => readPrecomputedFields(schema, CATALOG))
    .then(describeRootTypes);
  return built;
}

// type-graphql has no option for the root types' descriptions; every type needs one.
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  schema.getQueryType()!.description =
    "Reads. Anonymous callers may use contributionQuote, region and regions; the rest needs a session or an API key.";
  schema.getMutationType()!.description =
    "Changes. Each runs in one transaction and, when it changes something, writes an audit entry. A VIEWER may only log in and out.";
  return schema;
}

/** The schema as SDL, sorted so the emitted file diffs cleanly. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
