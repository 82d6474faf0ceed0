import { createBrowserRouter } from "react-router";
import { AppLayout } from "./modules/layout/app-layout";
import { AdminOnly } from "./modules/layout/admin-only";
import { WritersOnly } from "./modules/layout/writers-only";
import { PageLoader } from "./modules/layout/page-loader";
import { NotFoundPage } from "./modules/layout/not-found-page";
import { DashboardPage } from "./modules/dashboard/dashboard-page";

// The dashboard is the landing page and stays in the first chunk; every other page
// loads when it is first opened.
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    // Shown while the first lazy page of a deep link loads.
    hydrateFallbackElement: <PageLoader />,
    children: [
      { index: true, element: <DashboardPage /> },
      {
        path: "workers",
        lazy: async () => ({
          Component: (await import("./modules/workers/workers-page")).WorkersPage,
        }),
      },
      {
        path: "workers/:id",
        lazy: async () => ({
          Component: (await import("./modules/workers/worker-detail-page")).WorkerDetailPage,
        }),
      },
      {
        path: "donors",
        lazy: async () => ({
          Component: (await import("./modules/donors/donors-page")).DonorsPage,
        }),
      },
      {
        path: "donors/:id",
        lazy: async () => ({
          Component: (await import("./modules/donors/donor-detail-page")).DonorDetailPage,
        }),
      },
      {
        path: "partners",
        lazy: async () => ({
          Component: (await import("./modules/partners/partners-page")).PartnersPage,
        }),
      },
      {
        path: "partners/:id",
        lazy: async () => ({
          Component: (await import("./modules/partners/partner-detail-page")).PartnerDetailPage,
        }),
      },
      {
        path: "accidents",
        lazy: async () => ({
          Component: (await import("./modules/accidents/accidents-page")).AccidentsPage,
        }),
      },
      {
        path: "accidents/:id",
        lazy: async () => ({
          Component: (await import("./modules/accidents/accident-detail-page")).AccidentDetailPage,
        }),
      },
      {
        path: "agent-fees",
        lazy: async () => ({
          Component: (await import("./modules/commissions/agent-fees-page")).AgentFeesPage,
        }),
      },
      {
        path: "reminders",
        lazy: async () => ({
          Component: (await import("./modules/reminders/reminders-page")).RemindersPage,
        }),
      },
      {
        path: "targets",
        lazy: async () => ({
          Component: (await import("./modules/targets/targets-page")).TargetsPage,
        }),
      },
      {
        // Pages that change data; the API refuses a VIEWER's writes as well.
        element: <WritersOnly />,
        children: [
          {
            // The PLKK counter and the report form: ADMIN and OFFICER only, as in the API.
            path: "counter",
            lazy: async () => ({
              Component: (await import("./modules/accidents/counter-page")).CounterPage,
            }),
          },
          {
            path: "sponsorships/ending",
            lazy: async () => ({
              Component: (await import("./modules/renewals/renewals-page")).RenewalsPage,
            }),
          },
          {
            path: "accidents/new",
            lazy: async () => ({
              Component: (await import("./modules/accidents/report-accident-page"))
                .ReportAccidentPage,
            }),
          },
          {
            path: "workers/new",
            lazy: async () => ({
              Component: (await import("./modules/workers/worker-form-page")).RegisterWorkerPage,
            }),
          },
          {
            // CSV parsing and the import page load only when asked for.
            path: "workers/import",
            lazy: async () => ({
              Component: (await import("./modules/import/import-page")).ImportPage,
            }),
          },
          {
            path: "payments/import",
            lazy: async () => ({
              Component: (await import("./modules/bank-import/bank-import-page")).BankImportPage,
            }),
          },
          {
            path: "workers/:id/edit",
            lazy: async () => ({
              Component: (await import("./modules/workers/worker-form-page")).EditWorkerPage,
            }),
          },
          {
            path: "donors/new",
            lazy: async () => ({
              Component: (await import("./modules/donors/donor-form-page")).NewDonorPage,
            }),
          },
          {
            path: "donors/:id/edit",
            lazy: async () => ({
              Component: (await import("./modules/donors/donor-form-page")).EditDonorPage,
            }),
          },
          {
            path: "donors/:id/sponsor",
            lazy: async () => ({
              Component: (await import("./modules/donors/sponsor-page")).SponsorPage,
            }),
          },
          {
            path: "partners/new",
            lazy: async () => ({
              Component: (await import("./modules/partners/partner-form-page")).NewPartnerPage,
            }),
          },
          {
            path: "partners/:id/edit",
            lazy: async () => ({
              Component: (await import("./modules/partners/partner-form-page")).EditPartnerPage,
            }),
          },
        ],
      },
      {
        // National-admin pages; the API refuses others as well.
        element: <AdminOnly />,
        children: [
          {
            path: "audit",
            lazy: async () => ({
              Component: (await import("./modules/admin/audit-page")).AuditPage,
            }),
          },
          {
            path: "users",
            lazy: async () => ({
              Component: (await import("./modules/admin/users-page")).UsersPage,
            }),
          },
          {
            path: "api-keys",
            lazy: async () => ({
              Component: (await import("./modules/admin/api-keys-page")).ApiKeysPage,
            }),
          },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
