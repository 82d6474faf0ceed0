import { lazy, type ComponentType } from "react";
import { Route, Routes } from "react-router";
import { AdminOnly } from "./modules/layout/admin-only";
import { AppLayout } from "./modules/layout/app-layout";
import { NotFoundPage } from "./modules/layout/not-found-page";
import { WritersOnly } from "./modules/layout/writers-only";
import { DashboardPage } from "./modules/dashboard/dashboard-page";

/** A page that loads when it is first opened (the layout shows a loader meanwhile). */
function page<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

// The dashboard is the landing page and comes with the signed-in app; every other page
// loads when it is first opened. (React Router's declarative routes: the data router's
// loaders and actions are not used here, and it weighs 16 KB gzip more.)
const WorkersPage = page(() => import("./modules/workers/workers-page"), "WorkersPage");
const WorkerDetailPage = page(
  () => import("./modules/workers/worker-detail-page"),
  "WorkerDetailPage",
);
const DonorsPage = page(() => import("./modules/donors/donors-page"), "DonorsPage");
const DonorDetailPage = page(() => import("./modules/donors/donor-detail-page"), "DonorDetailPage");
const PartnersPage = page(() => import("./modules/partners/partners-page"), "PartnersPage");
const PartnerDetailPage = page(
  () => import("./modules/partners/partner-detail-page"),
  "PartnerDetailPage",
);
const AccidentsPage = page(() => import("./modules/accidents/accidents-page"), "AccidentsPage");
const AccidentDetailPage = page(
  () => import("./modules/accidents/accident-detail-page"),
  "AccidentDetailPage",
);
const AgentFeesPage = page(() => import("./modules/commissions/agent-fees-page"), "AgentFeesPage");
const RemindersPage = page(() => import("./modules/reminders/reminders-page"), "RemindersPage");
const TargetsPage = page(() => import("./modules/targets/targets-page"), "TargetsPage");
const CounterPage = page(() => import("./modules/accidents/counter-page"), "CounterPage");
const RenewalsPage = page(() => import("./modules/renewals/renewals-page"), "RenewalsPage");
const ReportAccidentPage = page(
  () => import("./modules/accidents/report-accident-page"),
  "ReportAccidentPage",
);
const RegisterWorkerPage = page(
  () => import("./modules/workers/worker-form-page"),
  "RegisterWorkerPage",
);
const ImportPage = page(() => import("./modules/import/import-page"), "ImportPage");
const BankImportPage = page(
  () => import("./modules/bank-import/bank-import-page"),
  "BankImportPage",
);
const EditWorkerPage = page(() => import("./modules/workers/worker-form-page"), "EditWorkerPage");
const NewDonorPage = page(() => import("./modules/donors/donor-form-page"), "NewDonorPage");
const EditDonorPage = page(() => import("./modules/donors/donor-form-page"), "EditDonorPage");
const SponsorPage = page(() => import("./modules/donors/sponsor-page"), "SponsorPage");
const NewPartnerPage = page(() => import("./modules/partners/partner-form-page"), "NewPartnerPage");
const EditPartnerPage = page(
  () => import("./modules/partners/partner-form-page"),
  "EditPartnerPage",
);
const AuditPage = page(() => import("./modules/admin/audit-page"), "AuditPage");
const UsersPage = page(() => import("./modules/admin/users-page"), "UsersPage");
const ApiKeysPage = page(() => import("./modules/admin/api-keys-page"), "ApiKeysPage");

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="workers" element={<WorkersPage />} />
        <Route path="workers/:id" element={<WorkerDetailPage />} />
        <Route path="donors" element={<DonorsPage />} />
        <Route path="donors/:id" element={<DonorDetailPage />} />
        <Route path="partners" element={<PartnersPage />} />
        <Route path="partners/:id" element={<PartnerDetailPage />} />
        <Route path="accidents" element={<AccidentsPage />} />
        <Route path="accidents/:id" element={<AccidentDetailPage />} />
        <Route path="agent-fees" element={<AgentFeesPage />} />
        <Route path="reminders" element={<RemindersPage />} />
        <Route path="targets" element={<TargetsPage />} />
        {/* Pages that change data; the API refuses a VIEWER's writes as well. The PLKK
            counter and the report form are ADMIN and OFFICER only, as in the API. */}
        <Route element={<WritersOnly />}>
          <Route path="counter" element={<CounterPage />} />
          <Route path="sponsorships/ending" element={<RenewalsPage />} />
          <Route path="accidents/new" element={<ReportAccidentPage />} />
          <Route path="workers/new" element={<RegisterWorkerPage />} />
          <Route path="workers/import" element={<ImportPage />} />
          <Route path="payments/import" element={<BankImportPage />} />
          <Route path="workers/:id/edit" element={<EditWorkerPage />} />
          <Route path="donors/new" element={<NewDonorPage />} />
          <Route path="donors/:id/edit" element={<EditDonorPage />} />
          <Route path="donors/:id/sponsor" element={<SponsorPage />} />
          <Route path="partners/new" element={<NewPartnerPage />} />
          <Route path="partners/:id/edit" element={<EditPartnerPage />} />
        </Route>
        {/* National-admin pages; the API refuses others as well. */}
        <Route element={<AdminOnly />}>
          <Route path="audit" element={<AuditPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="api-keys" element={<ApiKeysPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
