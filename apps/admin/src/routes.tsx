import { createBrowserRouter } from "react-router";
import { AppLayout } from "./modules/layout/app-layout";
import { NotFoundPage } from "./modules/layout/not-found-page";
import { DashboardPage } from "./modules/dashboard/dashboard-page";

// The dashboard is the landing page and stays in the first chunk; every other page
// loads when it is first opened.
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <DashboardPage /> },
      {
        path: "workers",
        lazy: async () => ({
          Component: (await import("./modules/workers/workers-page")).WorkersPage,
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
        path: "workers/:id",
        lazy: async () => ({
          Component: (await import("./modules/workers/worker-detail-page")).WorkerDetailPage,
        }),
      },
      {
        path: "workers/:id/edit",
        lazy: async () => ({
          Component: (await import("./modules/workers/worker-form-page")).EditWorkerPage,
        }),
      },
      {
        path: "donors",
        lazy: async () => ({
          Component: (await import("./modules/donors/donors-page")).DonorsPage,
        }),
      },
      {
        path: "donors/new",
        lazy: async () => ({
          Component: (await import("./modules/donors/donor-form-page")).NewDonorPage,
        }),
      },
      {
        path: "donors/:id",
        lazy: async () => ({
          Component: (await import("./modules/donors/donor-detail-page")).DonorDetailPage,
        }),
      },
      {
        path: "donors/:id/sponsor",
        lazy: async () => ({
          Component: (await import("./modules/donors/sponsor-page")).SponsorPage,
        }),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
