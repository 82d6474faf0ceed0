import { useQuery } from "@apollo/client/react";
import { describeError } from "../../lib/apollo";
import { formatDate, formatNumber, formatRupiah } from "../../lib/format";
import { PROGRAMME_OVERVIEW } from "./graphql/programme-overview.query";
import { REGION_WORKERS, type Occupation } from "./graphql/region-workers.query";

// Kemendagri code of Kabupaten Klaten, where the programme runs.
const KLATEN_REGENCY_CODE = "33.10";
const WORKERS_SHOWN = 10;

const occupationLabels: Record<Occupation, string> = {
  FARMER: "Petani",
  TRADER: "Pedagang",
  LIVESTOCK_BREEDER: "Peternak",
  FISHER: "Nelayan",
  HOUSEHOLD_HELPER: "Pekerja rumah tangga",
  DRIVER: "Pengemudi",
  LABOURER: "Buruh",
  STREET_VENDOR: "Pedagang kaki lima",
  CRAFTSPERSON: "Perajin",
  OTHER: "Lainnya",
};

export function OverviewPage() {
  return (
    <>
      <header className="page-header">
        <h1>Sertakan — BPJS Ketenagakerjaan Klaten</h1>
        <p>
          Sertakan mengajak donatur — perorangan, perusahaan, pemerintah daerah, lembaga zakat dan
          komunitas — membayarkan iuran jaminan sosial pekerja informal rentan di Kabupaten Klaten.
          Setiap bulan iuran melindungi pekerja dengan Jaminan Kecelakaan Kerja dan Jaminan Kematian
          (JKK + JKM), dan dapat ditambah Jaminan Hari Tua (JHT).
        </p>
        <nav aria-label="Tautan pengembang">
          <a href="/graphql">Buka GraphQL playground</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <ProgrammeSummary />
        <RegionWorkers />
      </main>
      <footer className="page-footer">
        <p>Data per {formatDate(new Date())}.</p>
      </footer>
    </>
  );
}

function ProgrammeSummary() {
  const { data, loading, error, refetch } = useQuery(PROGRAMME_OVERVIEW);

  return (
    <section aria-labelledby="programme-heading" aria-busy={loading}>
      <h2 id="programme-heading">Iuran per pekerja</h2>
      {loading ? (
        <p role="status">Memuat besaran iuran…</p>
      ) : error || !data ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : (
        <dl className="figures">
          <div>
            <dt>JKK + JKM</dt>
            <dd>
              {formatRupiah(data.jkkJkm.monthly)} <span className="unit">per bulan</span>
            </dd>
          </div>
          <div>
            <dt>JKK + JKM + JHT</dt>
            <dd>
              {formatRupiah(data.jkkJkmJht.monthly)} <span className="unit">per bulan</span>
            </dd>
          </div>
          <div>
            <dt>Wilayah tersedia</dt>
            <dd>
              {formatNumber(data.provinces.length)} <span className="unit">provinsi</span>
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function RegionWorkers() {
  const { data, loading, error, refetch } = useQuery(REGION_WORKERS, {
    variables: { regionCode: KLATEN_REGENCY_CODE, first: WORKERS_SHOWN },
  });

  return (
    <section aria-labelledby="workers-heading" aria-busy={loading}>
      <h2 id="workers-heading">Pekerja di Kabupaten Klaten</h2>
      {loading ? (
        <p role="status">Memuat data pekerja…</p>
      ) : error || !data ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : data.workers.nodes.length === 0 ? (
        <p>Belum ada pekerja yang terdaftar di Kabupaten Klaten.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="workers-caption">
          <table>
            <caption id="workers-caption">
              {data.workers.nodes.length} dari {formatNumber(data.workers.totalCount)} pekerja
              terdaftar di Kabupaten Klaten
            </caption>
            <thead>
              <tr>
                <th scope="col">Nama</th>
                <th scope="col">Pekerjaan</th>
                <th scope="col">Desa</th>
              </tr>
            </thead>
            <tbody>
              {data.workers.nodes.map((worker) => (
                <tr key={worker.id}>
                  <th scope="row">{worker.fullName}</th>
                  <td>{occupationLabels[worker.occupation] ?? worker.occupation}</td>
                  <td>{worker.village.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ErrorMessage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="error" role="alert">
      <p>{describeError(error)}</p>
      <button type="button" onClick={onRetry}>
        Coba lagi
      </button>
    </div>
  );
}
