import { OverviewPage } from "./modules/overview/overview-page";

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Lewati ke konten utama
      </a>
      <OverviewPage />
    </>
  );
}
